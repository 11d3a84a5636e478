package org.joinedup.audit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Renders an audit entry as an AuditEvent shaped by IHE Basic Audit Log Patterns: a RESTful event with the
 * interaction as subtype, the user and the client as agents, the patients, the resources read or written and the
 * query as entities, and the purpose of use (ETREAT under break-glass). Rendered when the audit is read, not on
 * every access.
 */
final class BalpEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BalpEvents() {
    }

    /** The AuditEvent of an entry (for entries recorded before lines, the AuditEvent as then written). */
    static ObjectNode of(AuditEntry entry) {
        if (entry.content() != null) {
            try {
                return (ObjectNode) JSON.readTree(entry.content());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Audit entry " + entry.seq() + " cannot be read", e);
            }
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("resourceType", "AuditEvent");
        event.putObject("type").put("system", "http://terminology.hl7.org/CodeSystem/audit-event-type").put("code", "rest")
                .put("display", "RESTful Operation");
        event.putArray("subtype").addObject().put("system", "http://hl7.org/fhir/restful-interaction").put("code", entry.action());
        event.put("action", action(entry.action()));
        event.put("recorded", entry.recorded().toString());
        int status = Integer.parseInt(entry.outcome());
        event.put("outcome", status < 400 ? "0" : status < 500 ? "4" : "8");
        event.put("outcomeDesc", status + (entry.detail() == null ? "" : " " + entry.detail()));
        if (entry.purpose() != null) {
            event.putArray("purposeOfEvent").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/v3-ActReason").put("code", entry.purpose());
        }
        agents(event.putArray("agent"), entry);
        event.putObject("source").put("site", "JoinedUp").putObject("observer").put("display", "JoinedUp FHIR API");
        ArrayNode entities = event.putArray("entity");
        for (String patient : entry.patients()) {
            entity(entities, "Patient/" + patient, "1", "1");
        }
        for (String resource : entry.resources()) {
            entity(entities, resource, "2", "4");
        }
        ObjectNode query = entities.addObject();
        query.putObject("type").put("system", "http://terminology.hl7.org/CodeSystem/audit-entity-type").put("code", "2");
        query.putObject("role").put("system", "http://terminology.hl7.org/CodeSystem/object-role").put("code", "24");
        query.put("description", entry.query());
        query.put("query", Base64.getEncoder().encodeToString(entry.query().getBytes(StandardCharsets.UTF_8)));
        return event;
    }

    private static void agents(ArrayNode agents, AuditEntry agent) {
        ObjectNode who = agents.addObject();
        who.putObject("type").putArray("coding").addObject().put("system", "http://terminology.hl7.org/CodeSystem/v3-ParticipationType")
                .put("code", "IRCP").put("display", "information recipient");
        who.putObject("who").putObject("identifier").put("value", agent.agent());
        if (agent.agentRole() != null) {
            who.putArray("role").addObject().put("text", agent.agentRole());
        }
        if (agent.organization() != null) {
            who.putObject("location").put("display", "ODS " + agent.organization());
        }
        who.put("requestor", true);
        who.put("name", agent.agentKind());
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
