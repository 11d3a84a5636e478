package org.joinedup.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FhirProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merging two Patients that are one person, and undoing it. A merge moves every reference to the merged Patient
 * (each resource in its compartment) to the survivor, moves its identifiers to the survivor, and marks it inactive
 * with {@code Patient.link} replaced-by the survivor (the survivor gets a "replaces" link): all in one FHIR
 * transaction, written as the person or feed that asked, with what was moved recorded so that the merge can be
 * undone. Nothing is deleted; every change is a new version.
 */
@Component
class PatientMerges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirApi fhir;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String base;
    private final MatchReviews reviews;

    PatientMerges(FhirApi fhir, JdbcTemplate jdbc, PlatformTransactionManager transactionManager, FhirProperties properties, MatchReviews reviews) {
        this.fhir = fhir;
        this.reviews = reviews;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.base = properties.baseUrl() + "/";
    }

    /** A merge, as recorded. */
    record Merge(long id, String mergedAt, String survivor, String merged, String reason, String mergedBy, List<String> moved,
                 String undoneAt, String undoneBy, String undoReason) {
    }

    /** A merge that cannot be done or undone, with why (shown to the person who asked, or the message's outcome). */
    static class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    /** What was asked about (a merge, a review) does not exist. */
    static final class Missing extends Refused {
        Missing(String reason) {
            super(reason);
        }
    }

    /** Merges {@code mergedId} into {@code survivorId}; returns the merge's id. */
    long merge(String survivorId, String mergedId, String reason, FhirAccess who) {
        if (survivorId.equals(mergedId)) {
            throw new Refused("A patient cannot be merged into themselves");
        }
        ObjectNode survivor = read(who, "Patient/" + survivorId);
        ObjectNode merged = read(who, "Patient/" + mergedId);
        if (replaced(merged) || replaced(survivor)) {
            throw new Refused("Patient/" + (replaced(merged) ? mergedId : survivorId) + " has already been merged into another record");
        }
        ArrayNode entries = JSON.createArrayNode();
        List<String> moved = new ArrayList<>();
        for (ObjectNode resource : compartment(who, mergedId)) {
            String key = resource.path("resourceType").asText() + "/" + resource.path("id").asText();
            if (!key.equals("Patient/" + mergedId) && !key.equals("Patient/" + survivorId) && References.move(resource, "Patient/" + mergedId, "Patient/" + survivorId)) {
                put(entries, resource);
                moved.add(key);
            }
        }
        ArrayNode gained = JSON.createArrayNode();
        ArrayNode survivorIds = survivor.withArray("identifier");
        for (JsonNode identifier : merged.path("identifier")) {
            if (!References.holds(survivorIds, identifier)) {
                survivorIds.add(identifier);
                gained.add(identifier);
            }
        }
        survivor.withArray("link").addObject().put("type", "replaces").putObject("other").put("reference", "Patient/" + mergedId);
        int mergedVersion = merged.at("/meta/versionId").asInt();
        merged.remove("identifier");
        merged.put("active", false);
        merged.withArray("link").addObject().put("type", "replaced-by").putObject("other").put("reference", "Patient/" + survivorId);
        put(entries, survivor);
        put(entries, merged);
        return transactions.execute(tx -> {
            write(who, entries, "The merge was refused by the record");
            long id = jdbc.queryForObject("INSERT INTO patient_merge (survivor, merged, merged_version, reason, merged_by, moved, identifiers)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", Long.class, survivorId, mergedId, mergedVersion, reason, who.agent().who(),
                    moved.toArray(String[]::new), gained.toString());
            reviews.closeMerged(survivorId, mergedId, who.agent().who(), id);
            return id;
        });
    }

    /** Undoes a merge: the moved resources point at the merged Patient again, which is restored as it was; the survivor loses what it gained. */
    void undo(long mergeId, String why, FhirAccess who) {
        Merge merge = find(mergeId).orElseThrow(() -> new Missing("There is no merge " + mergeId));
        if (merge.undoneAt() != null) {
            throw new Refused("Merge " + mergeId + " was already undone, on " + merge.undoneAt());
        }
        String survivorRef = "Patient/" + merge.survivor();
        String mergedRef = "Patient/" + merge.merged();
        ArrayNode entries = JSON.createArrayNode();
        for (String key : merge.moved()) {
            ObjectNode resource = read(who, key);
            if (References.move(resource, survivorRef, mergedRef)) {
                put(entries, resource);
            }
        }
        ObjectNode survivor = read(who, survivorRef);
        JsonNode gained = jdbc.queryForObject("SELECT identifiers FROM patient_merge WHERE id = ?", (rs, i) -> json(rs.getString(1)), mergeId);
        ArrayNode kept = JSON.createArrayNode();
        survivor.path("identifier").forEach(identifier -> {
            if (!References.holds(gained, identifier)) {
                kept.add(identifier);
            }
        });
        survivor.set("identifier", kept);
        ArrayNode links = JSON.createArrayNode();
        survivor.path("link").forEach(link -> {
            if (!mergedRef.equals(link.at("/other/reference").asText())) {
                links.add(link);
            }
        });
        if (links.isEmpty()) {
            survivor.remove("link");
        } else {
            survivor.set("link", links);
        }
        ObjectNode current = read(who, mergedRef);
        int mergedVersion = jdbc.queryForObject("SELECT merged_version FROM patient_merge WHERE id = ?", Integer.class, mergeId);
        ObjectNode restored = read(who, mergedRef + "/_history/" + mergedVersion);
        restored.set("meta", current.path("meta"));
        put(entries, survivor);
        put(entries, restored);
        transactions.executeWithoutResult(tx -> {
            write(who, entries, "Undoing the merge was refused by the record");
            jdbc.update("UPDATE patient_merge SET undone_at = now(), undone_by = ?, undo_reason = ? WHERE id = ?", who.agent().who(), why, mergeId);
        });
    }

    java.util.Optional<Merge> find(long id) {
        return jdbc.query("SELECT * FROM patient_merge WHERE id = ?", (rs, i) -> merge(rs), id).stream().findFirst();
    }

    /** The most recent merges, newest first. */
    List<Merge> recent(int limit) {
        return jdbc.query("SELECT * FROM patient_merge ORDER BY id DESC LIMIT ?", (rs, i) -> merge(rs), limit);
    }

    private static Merge merge(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp undone = rs.getTimestamp("undone_at");
        return new Merge(rs.getLong("id"), rs.getTimestamp("merged_at").toInstant().toString(), rs.getString("survivor"), rs.getString("merged"),
                rs.getString("reason"), rs.getString("merged_by"), List.of((String[]) rs.getArray("moved").getArray()),
                undone == null ? null : undone.toInstant().toString(), rs.getString("undone_by"), rs.getString("undo_reason"));
    }

    private static boolean replaced(JsonNode patient) {
        for (JsonNode link : patient.path("link")) {
            if ("replaced-by".equals(link.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Every resource in the patient's compartment, page by page. */
    private List<ObjectNode> compartment(FhirAccess who, String patientId) {
        List<ObjectNode> all = new ArrayList<>();
        String next = "Patient/" + patientId + "/$everything?_count=1000";
        while (next != null) {
            JsonNode page = answer(fhir.handle(who, "GET", next, null), "The patient's record could not be read");
            page.path("entry").forEach(e -> all.add((ObjectNode) e.path("resource")));
            next = null;
            for (JsonNode link : page.path("link")) {
                if ("next".equals(link.path("relation").asText())) {
                    String url = link.path("url").asText();
                    next = url.startsWith(base) ? url.substring(base.length()) : url;
                }
            }
        }
        return all;
    }

    private ObjectNode read(FhirAccess who, String path) {
        JsonNode resource = answer(fhir.handle(who, "GET", path, null), path + " could not be read");
        return (ObjectNode) resource;
    }

    private void write(FhirAccess who, ArrayNode entries, String refused) {
        ObjectNode bundle = AdtMapping.transactionBundle();
        bundle.set("entry", entries);
        answer(fhir.handle(who, "POST", "", bundle.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), refused);
    }

    /** An update of the resource as read, refused if it has changed since. */
    private static void put(ArrayNode entries, ObjectNode resource) {
        String key = resource.path("resourceType").asText() + "/" + resource.path("id").asText();
        String version = resource.at("/meta/versionId").asText();
        ObjectNode entry = entries.addObject();
        entry.set("resource", resource);
        entry.putObject("request").put("method", "PUT").put("url", key).put("ifMatch", "W/\"" + version + "\"");
    }

    private static JsonNode answer(FhirApi.Answer answer, String refused) {
        JsonNode body = json(answer.text());
        if (answer.status() >= 300) {
            throw new Refused(refused + ": " + answer.status() + " " + body.at("/issue/0/diagnostics").asText());
        }
        return body;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
