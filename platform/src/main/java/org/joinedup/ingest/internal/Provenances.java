package org.joinedup.ingest.internal;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.util.Terser;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Where every fact came from: a Provenance naming the sending system and organisation and the message (so the record can say "from PAS at RYY, 09:14"). */
final class Provenances {

    private Provenances() {
    }

    static ObjectNode of(Terser t, String source, String... targets) throws HL7Exception {
        ObjectNode p = AdtMapping.resource("Provenance", source);
        ArrayNode targetArray = p.putArray("target");
        for (String target : targets) {
            if (target != null) {
                targetArray.addObject().put("reference", target);
            }
        }
        p.put("recorded", Instant.now().toString());
        String application = t.get("/MSH-3-1");
        String facility = t.get("/MSH-4-1");
        String sent = Hl7Times.dateTime(t.get("/MSH-7-1"));
        if (sent != null) {
            p.put("occurredDateTime", sent);
        }
        ObjectNode agent = p.putArray("agent").addObject();
        agent.putObject("type").putArray("coding").addObject().put("system", "http://terminology.hl7.org/CodeSystem/provenance-participant-type")
                .put("code", "author").put("display", "Author");
        agent.putObject("who").put("display", (application == null ? "unknown system" : application) + " at "
                + (facility == null ? "unknown organisation" : facility));
        if (facility != null) {
            agent.putObject("onBehalfOf").put("display", facility).putObject("identifier").put("system", "https://fhir.nhs.uk/Id/ods-organization-code")
                    .put("value", facility);
        }
        String type = t.get("/MSH-9-1") + "^" + t.get("/MSH-9-2");
        p.putArray("entity").addObject().put("role", "source").putObject("what")
                .put("display", "HL7 v2 " + type + " message " + t.get("/MSH-10")).putObject("identifier")
                .put("system", "urn:joinedup:hl7v2:" + AdtMapping.slug(application == null ? "unknown" : application) + "@"
                        + AdtMapping.slug(facility == null ? "unknown" : facility)).put("value", t.get("/MSH-10"));
        return p;
    }
}
