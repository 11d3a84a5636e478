package org.joinedup.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.ingest.MatchingProperties;
import org.springframework.stereotype.Component;

/**
 * One person, one Patient. Decides which of the record's patients a message's patient (the first entry of its
 * transaction) is, and rewrites that entry to write to them: first by a verified NHS number or a local number the
 * record already holds; failing that, by a demographic score against the patients who agree with it on two of
 * birth date, family name and postcode. At or above the auto-link score the message is linked to that patient (and their
 * identifiers learned); in the review band a new record is made and the pair queued for a person to decide;
 * below it, a new record is made.
 */
@Component
class PatientMatcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CANDIDATES = 50;

    /** How the message's patient was found: by identifier, linked on demographics, new but queued for review, or new. */
    enum Kind { IDENTIFIER, LINKED, REVIEW, NEW }

    /** @param record the record's patient as read while matching (found by identifier or linked), or null */
    record Decision(Kind kind, String patientId, String candidateId, DemographicScore score, JsonNode record) {
    }

    private final FhirApi fhir;
    private final MatchingProperties properties;

    PatientMatcher(FhirApi fhir, MatchingProperties properties) {
        this.fhir = fhir;
        this.properties = properties;
    }

    Decision resolve(ObjectNode bundle) {
        ObjectNode entry = (ObjectNode) bundle.path("entry").path(0);
        ObjectNode incoming = (ObjectNode) entry.path("resource");
        boolean upsert = "PUT".equals(entry.at("/request/method").asText());
        JsonNode known = byIdentifier(incoming);
        if (known != null) {
            point(entry, incoming, known, upsert);
            return new Decision(Kind.IDENTIFIER, known.path("id").asText(), null, null, known);
        }
        JsonNode best = null;
        DemographicScore bestScore = null;
        for (JsonNode candidate : candidates(incoming)) {
            DemographicScore score = DemographicScore.of(incoming, candidate);
            if (bestScore == null || score.total() > bestScore.total()) {
                best = candidate;
                bestScore = score;
            }
        }
        if (best != null && bestScore.total() >= properties.autoLinkScore()) {
            best = search("Patient?_id=" + AdtMapping.enc(best.path("id").asText())).getFirst(); // the whole record, to write it
            point(entry, incoming, best, upsert);
            learnIdentifiers(entry, best, incoming);
            return new Decision(Kind.LINKED, best.path("id").asText(), best.path("id").asText(), bestScore, best);
        }
        create(entry, incoming);
        if (best != null && bestScore.total() >= properties.reviewScore()) {
            return new Decision(Kind.REVIEW, null, best.path("id").asText(), bestScore, null);
        }
        return new Decision(Kind.NEW, null, best == null ? null : best.path("id").asText(), bestScore, null);
    }

    /** The record's patient holding the message's verified NHS number, or else one of its local numbers. */
    private JsonNode byIdentifier(JsonNode incoming) {
        String verified = PidMapping.verifiedNhsNumber(incoming);
        List<String> tokens = new ArrayList<>();
        for (JsonNode identifier : incoming.path("identifier")) {
            String system = identifier.path("system").asText();
            if (!AdtMapping.NHS_NUMBER.equals(system) || identifier.path("value").asText().equals(verified)) {
                tokens.add(escape(system) + "|" + escape(identifier.path("value").asText()));
            }
        }
        if (tokens.isEmpty()) {
            return null;
        }
        List<JsonNode> found = search("Patient?identifier=" + AdtMapping.enc(String.join(",", tokens)) + "&_count=" + CANDIDATES);
        JsonNode first = null;
        for (JsonNode patient : found) {
            String theirs = DemographicScore.nhsNumber(patient);
            if (verified != null && verified.equals(theirs)) {
                return patient; // the NHS number decides
            }
            if (first == null && (verified == null || theirs == null)) {
                first = patient; // a local number, on a patient with no other NHS number
            }
        }
        return first;
    }

    /**
     * The patients who agree with the message on two of birth date, family name and postcode (so a slip in any one
     * of them still finds the person; each search is narrow, even among millions).
     */
    private List<JsonNode> candidates(JsonNode incoming) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        String birthDate = incoming.path("birthDate").asText(null);
        String family = incoming.at("/name/0/family").asText(null);
        String postcode = incoming.at("/address/0/postalCode").asText(null);
        String date = birthDate != null && birthDate.length() == 10 ? "birthdate=" + birthDate : null;
        String name = family != null && !family.isBlank() ? "family=" + AdtMapping.enc(family.strip()) : null;
        String place = postcode != null && !postcode.isBlank() ? "address-postalcode=" + AdtMapping.enc(postcode.strip()) : null;
        for (String[] block : new String[][] {{date, name}, {date, place}, {name, place}}) {
            if (block[0] != null && block[1] != null) {
                search("Patient?" + block[0] + "&" + block[1] + "&_elements=identifier,name,birthDate,gender,address&_count=" + CANDIDATES)
                        .forEach(p -> byId.put(p.path("id").asText(), p));
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** Active patients found (a patient merged into another is replaced, and never matched). */
    private List<JsonNode> search(String query) {
        FhirApi.Answer answer = fhir.handle(FhirAccess.SYSTEM, "GET", query + "&active:not=false", null);
        List<JsonNode> patients = new ArrayList<>();
        try {
            for (JsonNode e : JSON.readTree(answer.body()).path("entry")) {
                if ("Patient".equals(e.at("/resource/resourceType").asText())) {
                    patients.add(e.path("resource"));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The record's answer could not be read", e);
        }
        return patients;
    }

    /**
     * The entry now writes to the record's patient: an ADT message updates them in place, its demographics laid over
     * what the record holds and its identifiers added; a result, document or appointment leaves them as they are.
     */
    private static void point(ObjectNode entry, ObjectNode incoming, JsonNode known, boolean upsert) {
        String id = known.path("id").asText();
        if (!upsert) {
            entry.with("request").put("method", "POST").put("url", "Patient").put("ifNoneExist", "_id=" + id);
            return;
        }
        ObjectNode merged = ((ObjectNode) known).deepCopy();
        merged.remove("meta");
        for (String field : List.of("name", "gender", "birthDate", "address", "telecom")) {
            if (incoming.has(field)) {
                merged.set(field, incoming.get(field));
            }
        }
        ArrayNode extensions = JSON.createArrayNode(); // the record's, but the event time is the message's
        known.path("extension").forEach(e -> {
            if (!AdtMapping.EVENT_TIME.equals(e.path("url").asText())) {
                extensions.add(e);
            }
        });
        incoming.path("extension").forEach(extensions::add);
        merged.set("extension", extensions);
        merged.set("identifier", union(known.path("identifier"), incoming.path("identifier")));
        merged.set("meta", incoming.path("meta"));
        entry.set("resource", merged);
        entry.with("request").put("method", "PUT").put("url", "Patient/" + id)
                .put("ifMatch", "W/\"" + known.at("/meta/versionId").asText() + "\"");
        entry.with("request").remove("ifNoneExist");
    }

    /** A patient linked on demographics by a result or document also learns its identifiers, so it is found by them next time. */
    private static void learnIdentifiers(ObjectNode entry, JsonNode known, JsonNode incoming) {
        if ("PUT".equals(entry.at("/request/method").asText())) {
            return; // already laid over
        }
        ObjectNode updated = ((ObjectNode) known).deepCopy();
        updated.set("identifier", union(known.path("identifier"), incoming.path("identifier")));
        entry.set("resource", updated);
        entry.with("request").put("method", "PUT").put("url", "Patient/" + known.path("id").asText())
                .put("ifMatch", "W/\"" + known.at("/meta/versionId").asText() + "\"");
        entry.with("request").remove("ifNoneExist");
    }

    /**
     * A new record: created unless, by now, one holds its first identifier that can be matched on (a message for the
     * same new patient may have arrived at the same moment). An NHS number that is not verified is never matched on.
     */
    private static void create(ObjectNode entry, ObjectNode incoming) {
        String verified = PidMapping.verifiedNhsNumber(incoming);
        ObjectNode request = entry.with("request").put("method", "POST").put("url", "Patient");
        request.remove("ifMatch");
        request.remove("ifNoneExist");
        for (JsonNode identifier : incoming.path("identifier")) {
            String system = identifier.path("system").asText();
            if (!AdtMapping.NHS_NUMBER.equals(system) || identifier.path("value").asText().equals(verified)) {
                request.put("ifNoneExist", "identifier=" + AdtMapping.enc(system) + "|" + AdtMapping.enc(identifier.path("value").asText()));
                return;
            }
        }
    }

    private static ArrayNode union(JsonNode held, JsonNode incoming) {
        ArrayNode all = JSON.createArrayNode();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode list : List.of(held, incoming)) {
            for (JsonNode identifier : list) {
                if (seen.add(identifier.path("system").asText() + "|" + identifier.path("value").asText())) {
                    all.add(identifier);
                }
            }
        }
        return all;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,").replace("|", "\\|");
    }
}
