package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * A referral-to-treatment waiting list entry is an active ServiceRequest with a waiting-list category
 * ({@code outpatient} or {@code surgery}); its {@code authoredOn} is the clock start, its {@code priority} the
 * clinical priority, its {@code performerType} the sub-specialty (an NHS treatment function), its identifier the
 * patient pathway. Validation is an extension: when the patient was asked, and what came of it.
 */
final class WaitingList {

    static final String CATEGORY = "https://fhir.joinedup.nhs.uk/CodeSystem/waiting-list";
    static final String VALIDATION = "https://fhir.joinedup.nhs.uk/StructureDefinition/waiting-list-validation";
    static final String TREATMENT_FUNCTION = "https://fhir.nhs.uk/CodeSystem/NHSDataModelAndDictionary-treatment-function";
    static final String PATHWAY = "https://fhir.nhs.uk/Id/patient-pathway-identifier";
    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** What a validation came to: asked and waiting; or the answer; or no answer in time. */
    static final Set<String> OUTCOMES = Set.of("asked", "still-needed", "no-longer-needed", "wants-to-discuss", "no-answer");
    /** The outcomes a clinician must follow up with a call. */
    static final Set<String> NEEDS_A_CALL = Set.of("no-longer-needed", "wants-to-discuss", "no-answer");

    private WaitingList() {
    }

    /** A validation outcome in words, for pages. */
    static String words(String outcome) {
        if (outcome == null) {
            return "Not asked";
        }
        return switch (outcome) {
            case "asked" -> "Asked, no answer yet";
            case "still-needed" -> "Still needs to be seen";
            case "no-longer-needed" -> "Says no longer needed";
            case "wants-to-discuss" -> "Wants to discuss";
            case "no-answer" -> "No answer";
            default -> outcome;
        };
    }

    static String patientId(JsonNode request) {
        return request.at("/subject/reference").asText().replaceFirst("^Patient/", "");
    }

    static long weeksWaiting(JsonNode request, LocalDate today) {
        String start = request.path("authoredOn").asText();
        return start.length() < 10 ? 0 : ChronoUnit.WEEKS.between(LocalDate.parse(start.substring(0, 10)), today);
    }

    static String outcome(JsonNode request) {
        return part(request, "outcome", "valueCode");
    }

    static String asked(JsonNode request) {
        return part(request, "asked", "valueDateTime");
    }

    /** Records a validation step on the entry (replacing the one before). */
    static void validation(ObjectNode request, String asked, String outcome) {
        ArrayNode extensions = request.withArray("extension");
        for (int i = extensions.size() - 1; i >= 0; i--) {
            if (VALIDATION.equals(extensions.get(i).path("url").asText())) {
                extensions.remove(i);
            }
        }
        ArrayNode parts = extensions.addObject().put("url", VALIDATION).putArray("extension");
        parts.addObject().put("url", "asked").put("valueDateTime", asked);
        parts.addObject().put("url", "outcome").put("valueCode", outcome);
    }

    private static String part(JsonNode request, String name, String type) {
        for (JsonNode extension : request.path("extension")) {
            if (VALIDATION.equals(extension.path("url").asText())) {
                for (JsonNode part : extension.path("extension")) {
                    if (name.equals(part.path("url").asText())) {
                        return part.path(type).asText(null);
                    }
                }
            }
        }
        return null;
    }
}
