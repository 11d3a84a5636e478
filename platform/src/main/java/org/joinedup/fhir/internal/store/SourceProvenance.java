package org.joinedup.fhir.internal.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.internal.access.Caller;

/**
 * Where a source system's writes came from: when a configured machine client writes (a create, update, patch,
 * delete, or a transaction), a Provenance naming the client (and its organisation) and targeting every resource
 * written is added to the same database transaction, unless the client sent a Provenance of its own.
 */
public final class SourceProvenance {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceProvenance() {
    }

    public static void add(WriteBatch batch, ResourceStore store, WriteContext context) {
        FhirAgent agent = Caller.access().agent();
        if (!agent.sourceSystem() || batch.claimed().isEmpty() || batch.claimed().stream().anyMatch(r -> r.startsWith("Provenance/"))) {
            return;
        }
        ObjectNode provenance = JSON.createObjectNode().put("resourceType", "Provenance");
        ArrayNode targets = provenance.putArray("target");
        batch.claimed().stream().sorted().forEach(reference -> targets.addObject().put("reference", reference));
        provenance.put("recorded", Instant.now().toString());
        ObjectNode who = provenance.putArray("agent").addObject();
        who.putObject("type").putArray("coding").addObject().put("system", "http://terminology.hl7.org/CodeSystem/provenance-participant-type")
                .put("code", "author").put("display", "Author");
        who.putObject("who").put("display", agent.clientId()).putObject("identifier").put("system", "urn:joinedup:oauth-client")
                .put("value", agent.clientId());
        if (agent.organization() != null) {
            who.putObject("onBehalfOf").putObject("identifier").put("system", "https://fhir.nhs.uk/Id/ods-organization-code")
                    .put("value", agent.organization());
        }
        store.create(batch, "Provenance", provenance, context);
    }
}
