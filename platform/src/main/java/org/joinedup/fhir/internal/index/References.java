package org.joinedup.fhir.internal.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.internal.path.Item;
import org.joinedup.fhir.internal.path.ReferenceText;

/** Reads what a Reference, canonical or uri points at, telling references to this server from others. */
final class References {

    /** A local target (type and id), or an external one (url), or both unknown. */
    record Target(String type, String id, String url) {
    }

    private References() {
    }

    static List<Target> targets(Item item, String baseUrl) {
        List<Target> targets = new ArrayList<>();
        JsonNode node = item.node();
        if (node == null) {
            return targets;
        }
        if (node.isTextual()) {
            String url = node.asText();
            int bar = url.indexOf('|');
            targets.add(new Target(null, null, bar > 0 ? url.substring(0, bar) : url));
            return targets;
        }
        String reference = Values.text(node, "reference");
        if (reference != null) {
            Target target = target(reference, baseUrl);
            if (target != null) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** The target of a reference string; null for a reference inside the resource ({@code #id}). */
    static Target target(String reference, String baseUrl) {
        if (reference.startsWith("#")) {
            return null;
        }
        String[] parts = ReferenceText.local(reference, baseUrl);
        return parts == null ? new Target(null, null, reference) : new Target(parts[0], parts[1], null);
    }

    /** For {@code :identifier}: the logical identifier of a Reference, as a token. */
    static Values.Token identifier(Item item) {
        JsonNode identifier = item.node() == null ? null : item.node().get("identifier");
        if (identifier == null || !identifier.hasNonNull("value")) {
            return null;
        }
        return new Values.Token(Values.text(identifier, "system"), identifier.get("value").asText(), null);
    }
}
