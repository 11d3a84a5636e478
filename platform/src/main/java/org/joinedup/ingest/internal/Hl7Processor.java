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

    private final PatientMatcher matcher;
    private final MatchReviews reviews;
    private final MergeMessages mergeMessages;

    Hl7Processor(MessageLog messages, FhirApi fhir, PatientMatcher matcher, MatchReviews reviews, MergeMessages mergeMessages) {
        this.messages = messages;
        this.fhir = fhir;
        this.matcher = matcher;
        this.reviews = reviews;
        this.mergeMessages = mergeMessages;
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
            FhirAccess feed = feedAccess(application, facility);
            Written written = write(message, t, source, facility, feed);
            for (int again = 0; again < 4 && written.answer().status() == 412; again++) {
                written = write(message, t, source, facility, feed); // the record changed while this message was matched and checked
            }
            if (written.answer().status() >= 300) {
                String reason = "The record refused it: " + diagnostics(written.answer());
                return reject(id, Acks.of(parsing, message, AcknowledgmentCode.AE, reason, ErrorCode.APPLICATION_INTERNAL_ERROR), reason);
            }
            List<String> notes = new java.util.ArrayList<>();
            if (!written.older().isEmpty()) {
                notes.add("Older than the record, so not changed: " + String.join("; ", written.older()));
            }
            PatientMatcher.Decision match = written.match();
            String patientId = match.patientId() != null ? match.patientId() : patientId(written.answer());
            switch (match.kind()) {
                case LINKED -> notes.add("Linked to Patient/" + match.patientId() + " on demographics (score " + match.score().total() + ": "
                        + String.join(", ", match.score().reasons()) + ")");
                case REVIEW -> {
                    long review = reviews.add(patientId, match.candidateId(), match.score(), source);
                    notes.add("New record Patient/" + patientId + "; it may be Patient/" + match.candidateId() + " (score " + match.score().total()
                            + "), queued for review (" + review + ")");
                }
                default -> {
                    // found by identifier, or clearly new
                }
            }
            if ("ADT".equals(t.get("/MSH-9-1")) && MergeMessages.EVENTS.contains(t.get("/MSH-9-2"))) {
                try {
                    notes.add(mergeMessages.mergePrior(t, patientId, source, feed));
                } catch (PatientMerges.Refused refused) {
                    String reason = "The merge could not be done: " + refused.getMessage();
                    return reject(id, Acks.of(parsing, message, AcknowledgmentCode.AE, reason, ErrorCode.APPLICATION_INTERNAL_ERROR), reason);
                }
            }
            String ack = Acks.of(parsing, message, AcknowledgmentCode.AA, null, null);
            messages.outcome(id, "accepted", notes.isEmpty() ? null : String.join(". ", notes), ack);
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

    /** A message's transaction as written: the record's answer, how its patient was matched, and what was left out as older. */
    private record Written(FhirApi.Answer answer, PatientMatcher.Decision match, List<String> older) {
    }

    /**
     * Maps the message, finds its patient, and writes it as one transaction. Results, documents and appointments
     * need a patient the record knows, or one the message names well enough to create.
     */
    private Written write(Message message, Terser t, String source, String facility, FhirAccess feed) throws HL7Exception, AdtMapping.Unmappable {
        String type = t.get("/MSH-9-1");
        com.fasterxml.jackson.databind.node.ObjectNode bundle = switch (type) {
            case "ORU" -> OruMapping.transaction(message, source);
            case "MDM" -> MdmMapping.transaction(message, source);
            case "SIU" -> SiuMapping.transaction(message, t.get("/MSH-9-2"), source, organisation(facility));
            default -> AdtMapping.transaction(message, t.get("/MSH-9-2"), source, organisation(facility));
        };
        if ("ORU".equals(type) || "MDM".equals(type)) {
            SenderOrganisation.stamp(bundle, organisation(facility));
        }
        boolean named = OruMapping.hasDemographics((com.fasterxml.jackson.databind.node.ObjectNode) bundle.at("/entry/0/resource"));
        PatientMatcher.Decision match = matcher.resolve(bundle);
        boolean known = match.kind() == PatientMatcher.Kind.IDENTIFIER || match.kind() == PatientMatcher.Kind.LINKED;
        if (!"ADT".equals(type) && !known && !named) {
            throw new AdtMapping.Unmappable("The patient is not known to the record and the message gives no name or birth date");
        }
        List<String> older = "ADT".equals(type) ? OutOfOrder.dropOlder(bundle, fhir, match.record()) : List.of();
        return new Written(fhir.handle(feed, "POST", "", bundle.toString().getBytes(StandardCharsets.UTF_8)), match, older);
    }

    /** The id of the patient the transaction wrote or found (its first entry). */
    private static String patientId(FhirApi.Answer answer) {
        try {
            String location = JSON.readTree(answer.body()).at("/entry/0/response/location").asText();
            String[] parts = location.split("/");
            for (int i = 0; i < parts.length - 1; i++) {
                if (parts[i].equals("Patient")) {
                    return parts[i + 1];
                }
            }
            throw new IllegalStateException("The record did not say which patient it wrote: " + location);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
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
