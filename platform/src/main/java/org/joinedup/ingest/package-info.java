/** Data in: HL7 v2 feeds over MLLP and HTTP, mapped to UK Core FHIR with their source, every message kept with its outcome and replayable. */
@org.springframework.modulith.ApplicationModule(displayName = "Ingest")
package org.joinedup.ingest;
