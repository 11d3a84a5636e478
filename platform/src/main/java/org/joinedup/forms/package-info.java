/** Questionnaires: FHIR Questionnaires shipped with their scoring and triage rules as data, checked, stored and scored for patients. */
package org.joinedup.forms;
