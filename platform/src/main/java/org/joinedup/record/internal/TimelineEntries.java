package org.joinedup.record.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** How each kind of resource reads on the timeline. */
final class TimelineEntries {

    private TimelineEntries() {
    }

    static TimelineEntry of(TimelineKinds.Source source, JsonNode r, String at) {
        String type = source.type();
        String text;
        String detail;
        switch (type) {
            case "Encounter" -> {
                text = capital(r.at("/class/display").asText(r.at("/class/code").asText("Encounter")));
                detail = r.at("/location/0/location/display").asText(r.path("status").asText(""));
            }
            case "Observation" -> {
                text = SummaryItem.concept(r.path("code"));
                detail = r.has("valueQuantity") ? r.at("/valueQuantity/value").asText() + " " + r.at("/valueQuantity/unit").asText("")
                        : r.has("component") ? components(r) : r.path("valueString").asText("");
            }
            case "MedicationRequest" -> {
                text = SummaryItem.concept(r.path("medicationCodeableConcept"));
                detail = r.at("/dosageInstruction/0/text").asText("") + " (prescribed, " + r.path("status").asText() + ")";
            }
            case "MedicationAdministration" -> {
                boolean given = "completed".equals(r.path("status").asText());
                text = (given ? "Taken: " : "Not taken: ") + SummaryItem.concept(r.path("medicationCodeableConcept"));
                detail = r.at("/statusReason/0/text").asText(r.at("/note/0/text").asText(r.at("/dosage/text").asText("")));
            }
            case "DocumentReference" -> {
                text = r.path("description").asText(SummaryItem.concept(r.path("type")));
                detail = r.at("/content/0/attachment/title").asText("");
            }
            case "Appointment" -> {
                text = SummaryItem.concept(r.path("appointmentType"));
                detail = r.path("status").asText("");
            }
            case "CarePlan" -> {
                text = r.path("title").asText("Care plan");
                detail = r.path("description").asText("");
            }
            case "Communication" -> {
                boolean alert = "alert".equals(r.at("/category/0/coding/0/code").asText());
                text = alert ? r.at("/topic/text").asText("Alert") + ("completed".equals(r.path("status").asText()) ? "" : " (open)")
                        : r.at("/sender/reference").asText().startsWith("Patient/") ? "Message from the patient" : "Message";
                StringBuilder all = new StringBuilder();
                r.path("payload").forEach(p -> all.append(all.isEmpty() ? "" : " ").append(p.path("contentString").asText("")));
                String words = alert ? all.toString() : r.at("/payload/0/contentString").asText("");
                detail = !alert && words.length() > 300 ? words.substring(0, 300) + "…" : words; // an alert's few lines end with its outcome
            }
            case "AllergyIntolerance" -> {
                text = "Allergy: " + SummaryItem.concept(r.path("code"));
                detail = SummaryItem.concept(r.at("/reaction/0/manifestation/0"));
            }
            case "Condition" -> {
                text = "Problem: " + SummaryItem.concept(r.path("code"));
                detail = r.at("/clinicalStatus/coding/0/code").asText("");
            }
            default -> {
                text = SummaryItem.concept(r.path("code"));
                detail = r.path("status").asText("");
            }
        }
        return new TimelineEntry(source.kindOf(r), type, r.path("id").asText(), text, detail, SummaryItem.from(r), SummaryItem.fromOrganisation(r),
                instant(at), shown(at), null);
    }

    private static final java.time.format.DateTimeFormatter INSTANT = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    /** A FHIR date or dateTime as a UTC instant of fixed width, so that times from any source sort as text. */
    static String instant(String at) {
        try {
            if (at.length() == 10) {
                return INSTANT.format(java.time.LocalDate.parse(at).atStartOfDay(java.time.ZoneId.of("Europe/London")));
            }
            return INSTANT.format(java.time.OffsetDateTime.parse(at));
        } catch (java.time.format.DateTimeParseException e) {
            return at;
        }
    }

    /** A date, or a date and time (to the minute), as the timeline shows it. */
    static String shown(String at) {
        if (at.length() <= 10) {
            return SummaryItem.day(at);
        }
        try {
            java.time.OffsetDateTime time = java.time.OffsetDateTime.parse(at);
            return SummaryItem.day(at) + " " + time.atZoneSameInstant(java.time.ZoneId.of("Europe/London")).toLocalTime().withSecond(0).withNano(0);
        } catch (java.time.format.DateTimeParseException e) {
            return at;
        }
    }

    private static String components(JsonNode r) {
        StringBuilder values = new StringBuilder();
        r.path("component").forEach(c -> values.append(values.isEmpty() ? "" : "/").append(c.at("/valueQuantity/value").asText()));
        return values + " " + r.at("/component/0/valueQuantity/unit").asText("");
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
