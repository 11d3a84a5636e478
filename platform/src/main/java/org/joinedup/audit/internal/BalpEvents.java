package org.joinedup.audit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirInteraction;

/**
 * Writes a FHIR interaction as an AuditEvent shaped by IHE Basic Audit Log Patterns: a RESTful event with the
 * interaction as subtype, the user and the client as agents, the patients, the resources and the query as
 * entities, and the purpose of use (ETREAT under break-glass).
 */
final class BalpEvents {

    /** At most this many resources are listed one by one; the patients are always all listed. */
    static final int MAX_LISTED_RESOURCES = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private BalpEvents() {
    }

    static String of(FhirInteraction interaction, Instant recorded, List<String> patients, boolean breakGlass) {
        ObjectNode event = JSON.createObjectNode();
        event.put("resourceType", "AuditEvent");
        event.putObject("type").put("system", "http://terminology.hl7.org/CodeSystem/audit-event-type").put("code", "rest")
                .put("display", "RESTful Operation");
        event.putArray("subtype").addObject().put("system", "http://hl7.org/fhir/restful-interaction")
                .put("code", interaction.interaction());
        event.put("action", action(interaction.interaction()));
        event.put("recorded", recorded.toString());
        event.put("outcome", interaction.status() < 400 ? "0" : interaction.status() < 500 ? "4" : "8");
        event.put("outcomeDesc", interaction.status() + (interaction.detail() == null ? "" : " " + interaction.detail()));
        FhirAgent agent = interaction.agent();
        String purpose = breakGlass ? "ETREAT" : agent.purposeOfUse();
        if (purpose != null) {
            event.putArray("purposeOfEvent").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/v3-ActReason").put("code", purpose);
        }
        agents(event.putArray("agent"), agent);
        event.putObject("source").put("site", "JoinedUp").putObject("observer").put("display", "JoinedUp FHIR API");
        ArrayNode entities = event.putArray("entity");
        for (String patient : patients) {
            entity(entities, "Patient/" + patient, "1", "1");
        }
        int listed = 0;
        for (FhirInteraction.Disclosed resource : interaction.disclosed()) {
            if (listed++ == MAX_LISTED_RESOURCES) {
                entities.addObject().put("description", (interaction.disclosed().size() - MAX_LISTED_RESOURCES) + " more resources");
                break;
            }
            entity(entities, resource.type() + "/" + resource.id(), "2", "4");
        }
        ObjectNode query = entities.addObject();
        query.putObject("type").put("system", "http://terminology.hl7.org/CodeSystem/audit-entity-type").put("code", "2");
        query.putObject("role").put("system", "http://terminology.hl7.org/CodeSystem/object-role").put("code", "24");
        query.put("description", interaction.method() + " " + interaction.url());
        query.put("query", Base64.getEncoder().encodeToString((interaction.method() + " " + interaction.url()).getBytes(StandardCharsets.UTF_8)));
        return event.toString();
    }

    private static void agents(ArrayNode agents, FhirAgent agent) {
        ObjectNode who = agents.addObject();
        who.putObject("type").putArray("coding").addObject().put("system", "http://terminology.hl7.org/CodeSystem/v3-ParticipationType")
                .put("code", "IRCP").put("display", "information recipient");
        who.putObject("who").putObject("identifier").put("value", agent.who());
        if (agent.role() != null) {
            who.putArray("role").addObject().put("text", agent.role());
        }
        if (agent.organization() != null) {
            who.putObject("location").put("display", "ODS " + agent.organization());
        }
        who.put("requestor", true);
        who.put("name", agent.kind());
        if (agent.clientId() != null) {
            ObjectNode client = agents.addObject();
            client.putObject("type").putArray("coding").addObject().put("system", "http://dicom.nema.org/resources/ontology/DCM")
                    .put("code", "110150").put("display", "Application");
            client.putObject("who").putObject("identifier").put("value", agent.clientId());
            client.put("requestor", false);
        }
    }

    private static void entity(ArrayNode entities, String reference, String type, String role) {
        ObjectNode entity = entities.addObject();
        entity.putObject("what").put("reference", reference);
        entity.putObject("type").put("system", "http://terminology.hl7.org/CodeSystem/audit-entity-type").put("code", type);
        entity.putObject("role").put("system", "http://terminology.hl7.org/CodeSystem/object-role").put("code", role);
    }

    /** C, R, U, D or E (execute: searches and operations), as BALP maps RESTful interactions. */
    static String action(String interaction) {
        return switch (interaction) {
            case "create" -> "C";
            case "read", "vread" -> "R";
            case "update", "patch" -> "U";
            case "delete" -> "D";
            default -> "E";
        };
    }
}
