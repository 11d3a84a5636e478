package org.joinedup.ingest.internal;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * ADT messages as a FHIR transaction: the Patient (PID: NHS number, local hospital numbers with their assigning
 * authority, name, sex, birth date, address, phone), updated in place when one with the same NHS number (or, without
 * one, the same local number) exists; and, for admissions, transfers, discharges, pre-admissions, registrations and
 * updates, the Encounter (PV1: visit number, class, status, times, ward) at the sending organisation.
 */
final class AdtMapping {

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String LOCAL_ID = "https://fhir.joinedup.nhs.uk/Id/local/";
    /** Events that describe a visit, and the Encounter status each leaves it in. */
    private static final java.util.Map<String, String> VISIT_STATUS = java.util.Map.ofEntries(
            java.util.Map.entry("A01", "in-progress"),
            java.util.Map.entry("A02", "in-progress"),
            java.util.Map.entry("A03", "finished"),
            java.util.Map.entry("A04", "in-progress"),
            java.util.Map.entry("A05", "planned"),
            java.util.Map.entry("A06", "in-progress"),
            java.util.Map.entry("A07", "in-progress"),
            java.util.Map.entry("A08", "in-progress"),
            java.util.Map.entry("A11", "cancelled"),
            java.util.Map.entry("A12", "in-progress"), // cancel transfer: still admitted, back at the ward PV1 names
            java.util.Map.entry("A13", "in-progress"),
            java.util.Map.entry("A38", "cancelled"));
    /** Events that carry only the person (for merges, the surviving person; see {@link MergeMessages}). */
    private static final Set<String> PERSON_ONLY = Set.of("A28", "A31", "A34", "A40");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdtMapping() {
    }

    static boolean maps(String event) {
        return VISIT_STATUS.containsKey(event) || PERSON_ONLY.contains(event);
    }

    /**
     * @param source the {@code meta.source} of every resource written ({@code urn:joinedup:hl7v2:app@facility#control-id})
     * @param serviceProvider the sending organisation's {@code Organization/id}, if it is known, or null
     */
    static ObjectNode transaction(Message message, String event, String source, String serviceProvider) throws HL7Exception, Unmappable {
        Terser t = new Terser(message);
        ObjectNode bundle = transactionBundle();
        ArrayNode entries = bundle.putArray("entry");
        ObjectNode patient = PidMapping.patient(t, source);
        String eventTime = eventTime(t);
        stamp(patient, eventTime);
        ObjectNode match = (ObjectNode) patient.path("identifier").path(0);
        String patientUrl = "urn:uuid:" + java.util.UUID.randomUUID();
        entry(entries, patientUrl, patient, "PUT", "Patient?identifier=" + enc(match.path("system").asText()) + "|" + enc(match.path("value").asText()));
        String encounterUrl = null;
        if (VISIT_STATUS.containsKey(event)) {
            ObjectNode encounter = encounter(t, event, source, patientUrl, serviceProvider);
            stamp(encounter, eventTime);
            encounterUrl = "urn:uuid:" + java.util.UUID.randomUUID();
            upsert(entries, encounterUrl, encounter, encounter.at("/identifier/0/system").asText(),
                    encounter.path("identifier").path(0).path("value").asText(null));
        }
        entry(entries, "urn:uuid:" + java.util.UUID.randomUUID(), Provenances.of(t, source, patientUrl, encounterUrl), "POST", "Provenance");
        return bundle;
    }

    private static ObjectNode encounter(Terser t, String event, String source, String patientUrl, String serviceProvider) throws HL7Exception {
        ObjectNode e = resource("Encounter", source);
        String visit = t.get("/.PV1-19-1");
        if (visit != null && !visit.isBlank()) {
            String authority = t.get("/.PV1-19-4-1");
            String facility = t.get("/MSH-4-1");
            e.putArray("identifier").addObject().put("system", LOCAL_ID + slug((authority == null ? facility == null ? "unknown" : facility : authority))
                    + "/visit").put("value", visit.strip());
        }
        e.put("status", VISIT_STATUS.get(event));
        String patientClass = t.get("/.PV1-2");
        String[] cls = switch (patientClass == null ? "" : patientClass.strip()) {
            case "I" -> new String[] {"IMP", "inpatient encounter"};
            case "E" -> new String[] {"EMER", "emergency"};
            case "P" -> new String[] {"PRENC", "pre-admission"};
            case "O", "R" -> new String[] {"AMB", "ambulatory"};
            default -> new String[] {"AMB", "ambulatory"};
        };
        e.putObject("class").put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode").put("code", cls[0]).put("display", cls[1]);
        e.putObject("subject").put("reference", patientUrl);
        String start = Hl7Times.dateTime(t.get("/.PV1-44-1"));
        String end = Hl7Times.dateTime(t.get("/.PV1-45-1"));
        if (start != null || end != null) {
            ObjectNode period = e.putObject("period");
            if (start != null) {
                period.put("start", start);
            }
            if (end != null) {
                period.put("end", end);
            }
        }
        String ward = t.get("/.PV1-3-1");
        if (ward != null && !ward.isBlank()) {
            e.putArray("location").addObject().putObject("location").put("display", ward.strip());
        }
        if (serviceProvider != null) {
            e.putObject("serviceProvider").put("reference", serviceProvider);
        }
        return e;
    }

    /** The extension that records when the event a resource was last written from happened (EVN-2, else MSH-7). */
    static final String EVENT_TIME = "https://fhir.joinedup.nhs.uk/StructureDefinition/source-event-time";

    static String eventTime(Terser t) throws HL7Exception {
        String evn = Hl7Times.dateTime(t.get("/EVN-2-1"));
        return evn != null && evn.contains("T") ? evn : Hl7Times.dateTime(t.get("/MSH-7-1"));
    }

    private static void stamp(ObjectNode resource, String eventTime) {
        if (eventTime != null && eventTime.contains("T")) {
            resource.putArray("extension").addObject().put("url", EVENT_TIME).put("valueDateTime", eventTime);
        }
    }

    /** An empty transaction Bundle. */
    static ObjectNode transactionBundle() {
        return JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
    }

    /** The sending facility (MSH-4), as it appears in identifier systems. */
    static String facility(Terser t) throws HL7Exception {
        String facility = t.get("/MSH-4-1");
        return slug(facility == null ? "unknown" : facility);
    }

    /**
     * Adds a resource kept up to date by its identifier in the sender's system (a conditional update on it), or,
     * when the sender gave none, created anew.
     */
    static void upsert(ArrayNode entries, String fullUrl, ObjectNode resource, String system, String value) {
        String type = resource.path("resourceType").asText();
        if (value != null) {
            entry(entries, fullUrl, resource, "PUT", type + "?identifier=" + enc(system) + "|" + enc(value));
        } else {
            entry(entries, fullUrl, resource, "POST", type);
        }
    }

    static ObjectNode resource(String type, String source) {
        ObjectNode r = JSON.createObjectNode().put("resourceType", type);
        r.putObject("meta").put("source", source);
        return r;
    }

    static ObjectNode entry(ArrayNode entries, String fullUrl, ObjectNode resource, String method, String url) {
        ObjectNode entry = entries.addObject().put("fullUrl", fullUrl);
        entry.set("resource", resource);
        entry.putObject("request").put("method", method).put("url", url);
        return entry;
    }

    static String slug(String text) {
        String slug = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "unknown" : slug;
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The message cannot be turned into a record (it is kept as a dead letter with this reason). */
    static final class Unmappable extends Exception {
        Unmappable(String reason) {
            super(reason);
        }
    }
}
