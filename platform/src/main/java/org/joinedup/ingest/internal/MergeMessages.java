package org.joinedup.ingest.internal;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.util.Terser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/**
 * ADT A40 (merge patient, identifier list) and A34 (merge patient information): once the surviving patient (PID)
 * is written, the prior patient named by MRG-1 is merged into them. A prior patient the record does not know, or
 * one already merged, leaves nothing to do, so the same message twice changes nothing.
 */
@Component
class MergeMessages {

    static final java.util.Set<String> EVENTS = java.util.Set.of("A34", "A40");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirApi fhir;
    private final PatientMerges merges;

    MergeMessages(FhirApi fhir, PatientMerges merges) {
        this.fhir = fhir;
        this.merges = merges;
    }

    /** Merges the prior patient into the survivor; returns what happened, for the message's outcome. */
    String mergePrior(Terser t, String survivorId, String source, FhirAccess feed) throws HL7Exception, AdtMapping.Unmappable {
        List<String> tokens = new ArrayList<>();
        for (int rep = 0; rep < 10; rep++) {
            String id = t.get("/.MRG-1(" + rep + ")-1");
            if (id == null || id.isBlank()) {
                break;
            }
            JsonNode identifier = PidMapping.identifier(id, t.get("/.MRG-1(" + rep + ")-4-1"), t.get("/.MRG-1(" + rep + ")-5"));
            tokens.add(identifier.path("system").asText() + "|" + identifier.path("value").asText());
        }
        if (tokens.isEmpty()) {
            throw new AdtMapping.Unmappable("The merge names no prior patient identifier in MRG-1");
        }
        FhirApi.Answer found = fhir.handle(FhirAccess.SYSTEM, "GET", "Patient?active:not=false&_elements=id&identifier="
                + AdtMapping.enc(String.join(",", tokens)), null);
        List<String> prior = new ArrayList<>();
        try {
            for (JsonNode entry : JSON.readTree(found.body()).path("entry")) {
                String id = entry.at("/resource/id").asText();
                if (!id.equals(survivorId)) {
                    prior.add(id);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (prior.isEmpty()) {
            return "The prior patient (" + String.join(", ", tokens) + ") is not a separate record here; nothing to merge";
        }
        List<String> done = new ArrayList<>();
        for (String id : prior) {
            long merge = merges.merge(survivorId, id, "HL7 v2 merge " + source, feed);
            done.add("Patient/" + id + " merged into Patient/" + survivorId + " (merge " + merge + ")");
        }
        return String.join("; ", done);
    }
}
