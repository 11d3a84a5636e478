/** The clinician's shared care record: finding a patient, the patient banner and the summary, read through the FHIR API as the member of staff, so that access rules and the audit apply to every view. */
package org.joinedup.record;
