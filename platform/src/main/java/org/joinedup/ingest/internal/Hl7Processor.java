package org.joinedup.ingest.internal;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens to every HL7 v2 message, from MLLP or HTTP: it is kept first, as it arrived; then parsed,
 * recognised (a control id already accepted from the same sender is answered with the same acknowledgement and
 * changes nothing), mapped and written as one FHIR transaction with its source; and its outcome kept with it.
 * A message that cannot be parsed, mapped or written is rejected into the dead-letter list with the reason, and
 * can be corrected and replayed.
 */
@Component
class Hl7Processor {

    private static final Logger log = LoggerFactory.getLogger(Hl7Processor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Hl7Parsing parsing = new Hl7Parsing();
    private final MessageLog messages;
    private final FhirApi fhir;
    /** Sending organisations known to the record, by ODS code; and, for a minute, those it did not know. */
    private final Map<String, Optional<String>> organisations = new ConcurrentHashMap<>();
    private final Map<String, Long> unknownOrganisations = new ConcurrentHashMap<>();

    Hl7Processor(MessageLog messages, FhirApi fhir) {
        this.messages = messages;
        this.fhir = fhir;
    }

    /** Handles one message; returns the acknowledgement (ER7). */
    String process(String raw, String channel, Long replayOf) {
        String text = normalised(raw);
        String[] msh = Acks.header(text);
        String contentHash = sha256(text);
        long id = messages.keep(channel, raw, replayOf, msh, contentHash);
        return handle(id, text, contentHash);
    }

    /** Processes a kept message (again, after a stop mid-way: nothing already written changes). */
    String reprocess(KeptMessage kept) {
        String text = normalised(kept.raw());
        return handle(kept.id(), text, sha256(text));
    }

    private String handle(long id, String text, String contentHash) {
        Message message;
        try {
            message = parsing.parse(text);
        } catch (HL7Exception | RuntimeException e) {
            String reason = "The message could not be parsed: " + e.getMessage();
            return reject(id, Acks.rejected(text, reason), reason);
        }
        try {
            Terser t = new Terser(message);
            String application = t.get("/MSH-3-1");
            String facility = t.get("/MSH-4-1");
            String controlId = t.get("/MSH-10");
            String type = t.get("/MSH-9-1") + "^" + t.get("/MSH-9-2");
            Optional<String> earlier = controlId == null ? Optional.empty() : messages.acceptedAck(application, facility, controlId, contentHash);
            if (earlier.isPresent()) {
                messages.outcome(id, "duplicate", "This message (control id " + controlId + ") was already accepted from this sender; nothing changed",
                        earlier.get());
                return earlier.get();
            }
            if (!maps(t.get("/MSH-9-1"), t.get("/MSH-9-2"))) {
                return reject(id, Acks.of(parsing, message, AcknowledgmentCode.AR, type + " messages are not mapped yet", ErrorCode.UNSUPPORTED_EVENT_CODE),
                        type + " messages are not mapped yet");
            }
            String source = "urn:joinedup:hl7v2:" + AdtMapping.slug(application == null ? "unknown" : application) + "@"
                    + AdtMapping.slug(facility == null ? "unknown" : facility) + "#" + controlId;
            List<String> older = List.of();
            String bundle = switch (t.get("/MSH-9-1")) {
                case "ORU" -> knownOrNamed(OruMapping.transaction(message, source)).toString();
                case "MDM" -> knownOrNamed(MdmMapping.transaction(message, source)).toString();
                case "SIU" -> knownOrNamed(SiuMapping.transaction(message, t.get("/MSH-9-2"), source, organisation(facility))).toString();
                default -> {
                    com.fasterxml.jackson.databind.node.ObjectNode adt = AdtMapping.transaction(message, t.get("/MSH-9-2"), source, organisation(facility));
                    older = OutOfOrder.dropOlder(adt, fhir);
                    yield adt.toString();
                }
            };
            FhirApi.Answer answer = fhir.handle(feedAccess(application, facility), "POST", "", bundle.getBytes(StandardCharsets.UTF_8));
            if (answer.status() >= 300) {
                String reason = "The record refused it: " + diagnostics(answer);
                return reject(id, Acks.of(parsing, message, AcknowledgmentCode.AE, reason, ErrorCode.APPLICATION_INTERNAL_ERROR), reason);
            }
            String ack = Acks.of(parsing, message, AcknowledgmentCode.AA, null, null);
            messages.outcome(id, "accepted", older.isEmpty() ? null : "Older than the record, so not changed: " + String.join("; ", older), ack);
            return ack;
        } catch (AdtMapping.Unmappable e) {
            return reject(id, Acks.of(parsing, message, AcknowledgmentCode.AE, e.getMessage(), ErrorCode.REQUIRED_FIELD_MISSING), e.getMessage());
        } catch (HL7Exception | RuntimeException e) {
            log.warn("HL7 v2 message {} could not be processed", id, e);
            String reason = "The message could not be processed: " + e.getMessage();
            return reject(id, Acks.of(parsing, message, AcknowledgmentCode.AE, reason, ErrorCode.APPLICATION_INTERNAL_ERROR), reason);
        }
    }

    /** A message over the size limit: the part received is kept, rejected. */
    String tooLarge(String partial, String channel, int limit) {
        String[] msh = Acks.header(normalised(partial));
        long id = messages.keep(channel, partial, null, msh, null);
        String reason = "The message is larger than the limit of " + limit + " bytes";
        return reject(id, Acks.rejected(partial, reason), reason);
    }

    /** Segments end with CR; a byte order mark and surrounding blank space are not part of the message. */
    static String normalised(String raw) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        return text.strip().replace("\r\n", "\r").replace("\n", "\r");
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String reject(long id, String ack, String reason) {
        messages.outcome(id, "rejected", reason, ack);
        return ack;
    }

    /** Whether a message type and event is mapped: ADT events of {@link AdtMapping}, ORU^R01, MDM^T02 and the SIU events of {@link SiuMapping}. */
    static boolean maps(String type, String event) {
        return "ADT".equals(type) && AdtMapping.maps(event) || "ORU".equals(type) && "R01".equals(event) || "MDM".equals(type) && "T02".equals(event)
                || "SIU".equals(type) && SiuMapping.STATUS.containsKey(event);
    }

    /** Results or documents, for a patient the record knows, or one the message names well enough to create. */
    private com.fasterxml.jackson.databind.node.ObjectNode knownOrNamed(com.fasterxml.jackson.databind.node.ObjectNode bundle)
            throws AdtMapping.Unmappable {
        com.fasterxml.jackson.databind.node.ObjectNode patient = (com.fasterxml.jackson.databind.node.ObjectNode) bundle.at("/entry/0/resource");
        if (!OruMapping.hasDemographics(patient)) {
            JsonNode identifier = patient.at("/identifier/0");
            FhirApi.Answer known = fhir.handle(FhirAccess.SYSTEM, "GET", "Patient?_summary=count&identifier="
                    + AdtMapping.enc(identifier.path("system").asText()) + "|" + AdtMapping.enc(identifier.path("value").asText()), null);
            try {
                if (JSON.readTree(known.body()).path("total").asInt() == 0) {
                    throw new AdtMapping.Unmappable("The patient is not known to the record and the message gives no name or birth date");
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return bundle;
    }

    /** The feed writes as the platform, named for the audit by the sending system and organisation. */
    private static FhirAccess feedAccess(String application, String facility) {
        return new FhirAccess(new FhirAgent("hl7v2:" + application + "@" + facility, "system", null, facility, "hl7v2-feed", "HOPERAT", null),
                FhirAccess.SYSTEM.permissions(), FhirAccess.SYSTEM.visibility(), false);
    }

    /** The sending facility's Organization, when the store knows it by its ODS code. */
    private String organisation(String facility) {
        if (facility == null || facility.isBlank()) {
            return null;
        }
        Optional<String> known = organisations.get(facility);
        if (known != null) {
            return known.orElse(null);
        }
        Long askedAt = unknownOrganisations.get(facility);
        if (askedAt != null && System.nanoTime() - askedAt < 60_000_000_000L) {
            return null;
        }
        FhirApi.Answer answer = fhir.handle(FhirAccess.SYSTEM, "GET", "Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|"
                + java.net.URLEncoder.encode(facility, StandardCharsets.UTF_8) + "&_elements=id", null);
        try {
            JsonNode entries = JSON.readTree(answer.body()).path("entry");
            if (entries.size() == 1) {
                String reference = "Organization/" + entries.get(0).path("resource").path("id").asText();
                organisations.put(facility, Optional.of(reference)); // remembered once known
                return reference;
            }
        } catch (java.io.IOException e) {
            // not known
        }
        unknownOrganisations.put(facility, System.nanoTime()); // asked again after a minute, when it may have been added
        return null;
    }

    private static String diagnostics(FhirApi.Answer answer) {
        try {
            JsonNode outcome = JSON.readTree(answer.body());
            JsonNode issue = outcome.path("issue").path(0);
            return answer.status() + " " + issue.path("diagnostics").asText(outcome.toString());
        } catch (java.io.IOException e) {
            return Integer.toString(answer.status());
        }
    }
}
