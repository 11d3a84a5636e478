package org.joinedup.fhir.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import org.joinedup.fhir.internal.index.IndexExtractor;
import org.joinedup.fhir.internal.index.IndexRows;
import org.joinedup.fhir.internal.json.FhirJson;
import org.joinedup.fhir.internal.json.StructureChecker;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;
import org.joinedup.fhir.internal.validation.ProfileValidator;

/**
 * Turns a client's resource into the version to store: checked against the R4 structure and business
 * rules, given its id, {@code meta.versionId} and {@code meta.lastUpdated}, serialised once as the exact
 * JSON reads will serve, and indexed.
 */
public final class ResourcePreparer {

    /** A resource ready to be written. */
    public record Prepared(ObjectNode resource, byte[] json, IndexRows rows, List<String> references) {
    }

    private final StructureChecker checker;
    private final IndexExtractor extractor;
    private final Supplier<ProfileValidator> validator;

    /** @param validator validates writes against their declared profiles; null to skip profile validation */
    public ResourcePreparer(StructureChecker checker, IndexExtractor extractor, Supplier<ProfileValidator> validator) {
        this.checker = checker;
        this.extractor = extractor;
        this.validator = validator;
    }

    public Prepared prepare(ObjectNode resource, String id, int version, Instant lastUpdated) {
        StructureChecker.Checked checked = checker.check(resource);
        ObjectNode stored = withIdentity(resource, id, version, lastUpdated);
        if ("Subscription".equals(stored.path("resourceType").asText())) {
            SubscriptionRules.check(stored);
        }
        if (validator != null && stored.path("meta").has("profile")) {
            List<Issue> errors = validator.get().validate(new String(FhirJson.write(stored), StandardCharsets.UTF_8), List.of())
                    .stream().filter(Issue::isError).toList();
            if (!errors.isEmpty()) {
                throw new FhirException(422, errors);
            }
        }
        IndexRows rows = extractor.extract(stored, checked.type(), id);
        return new Prepared(stored, FhirJson.write(stored), rows, checked.references());
    }

    /** A copy with resourceType, id and meta first, and meta carrying the version and time of this write. */
    static ObjectNode withIdentity(ObjectNode resource, String id, int version, Instant lastUpdated) {
        ObjectNode result = resource.objectNode();
        result.set("resourceType", resource.get("resourceType"));
        result.put("id", id);
        ObjectNode meta = result.putObject("meta");
        meta.put("versionId", Integer.toString(version));
        meta.put("lastUpdated", lastUpdated.toString());
        JsonNode oldMeta = resource.get("meta");
        if (oldMeta instanceof ObjectNode old) {
            for (Map.Entry<String, JsonNode> field : old.properties()) {
                if (!field.getKey().equals("versionId") && !field.getKey().equals("lastUpdated")) {
                    meta.set(field.getKey(), field.getValue());
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : resource.properties()) {
            String key = field.getKey();
            if (!key.equals("resourceType") && !key.equals("id") && !key.equals("meta")) {
                result.set(key, field.getValue());
            }
        }
        return result;
    }

    /** True when two stored versions say the same thing, ignoring meta.versionId and meta.lastUpdated. */
    static boolean sameContent(ObjectNode next, byte[] previousJson) {
        if (previousJson == null) {
            return false;
        }
        ObjectNode previous = FhirJson.readStored(previousJson);
        return withoutVersionMeta(previous).equals(withoutVersionMeta(next));
    }

    private static ObjectNode withoutVersionMeta(ObjectNode resource) {
        ObjectNode copy = resource.deepCopy();
        if (copy.get("meta") instanceof ObjectNode meta) {
            meta.remove("versionId");
            meta.remove("lastUpdated");
            if (meta.isEmpty()) {
                copy.remove("meta");
            }
        }
        return copy;
    }
}
