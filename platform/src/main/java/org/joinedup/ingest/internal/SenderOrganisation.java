package org.joinedup.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Names the sending organisation, when the record knows it, on results and documents that do not name one: as
 * the performer of a report and its observations, and the custodian of a document. So a clinician can see, and
 * filter by, the organisation a result came from.
 */
final class SenderOrganisation {

    private SenderOrganisation() {
    }

    /** @param organisation the sender's {@code Organization/id}, or null when the record does not know it */
    static void stamp(ObjectNode transaction, String organisation) {
        if (organisation == null) {
            return;
        }
        for (JsonNode entry : transaction.path("entry")) {
            if (!(entry.path("resource") instanceof ObjectNode resource)) {
                continue;
            }
            switch (resource.path("resourceType").asText()) {
                case "DiagnosticReport", "Observation" -> {
                    if (!resource.has("performer")) {
                        resource.putArray("performer").addObject().put("reference", organisation);
                    }
                }
                case "DocumentReference" -> {
                    if (!resource.has("custodian")) {
                        resource.putObject("custodian").put("reference", organisation);
                    }
                }
                default -> { }
            }
        }
    }
}
