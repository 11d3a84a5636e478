package org.joinedup.record.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.shared.PersonalisedCare;

/** Turns what the record holds into the summary's sections, newest first, each item with its source and date. */
final class SummarySections {

    private SummarySections() {
    }

    static List<SummaryItem> allergies(List<JsonNode> found) {
        return found.stream().map(a -> new SummaryItem(SummaryItem.concept(a.path("code")),
                SummaryItem.concept(a.at("/reaction/0/manifestation/0")), SummaryItem.from(a), SummaryItem.day(a.path("recordedDate").asText(null))))
                .toList();
    }

    static List<SummaryItem> flags(List<JsonNode> found) {
        return found.stream().filter(f -> "active".equals(f.path("status").asText()))
                .map(f -> new SummaryItem(SummaryItem.concept(f.path("code")), null, SummaryItem.from(f), SummaryItem.day(f.at("/period/start").asText(null))))
                .toList();
    }

    static List<SummaryItem> medicines(List<JsonNode> found) {
        return found.stream().map(m -> {
            String lastIssue = null;
            for (JsonNode extension : m.path("extension")) {
                if (extension.path("url").asText().endsWith("MedicationStatementLastIssueDate")) {
                    lastIssue = extension.path("valueDateTime").asText(null);
                }
            }
            return new SummaryItem(SummaryItem.concept(m.path("medicationCodeableConcept")), m.at("/dosage/0/text").asText(null), SummaryItem.from(m),
                    lastIssue == null ? SummaryItem.day(m.at("/effectivePeriod/start").asText(null)) : "last issued " + SummaryItem.day(lastIssue));
        }).toList();
    }

    static List<SummaryItem> problems(List<JsonNode> found) {
        return found.stream().map(c -> new SummaryItem(SummaryItem.concept(c.path("code")), null, SummaryItem.from(c),
                "since " + SummaryItem.day(c.path("onsetDateTime").asText(c.path("recordedDate").asText(null))))).toList();
    }

    static List<SummaryItem> encounters(List<JsonNode> found) {
        return found.stream().map(e -> {
            String kind = e.at("/class/display").asText(e.at("/class/code").asText("Encounter"));
            String ward = e.at("/location/0/location/display").asText(null);
            String end = e.at("/period/end").asText(null);
            String status = "in-progress".equals(e.path("status").asText()) ? "current" : e.path("status").asText();
            return new SummaryItem(capital(kind) + (ward == null ? "" : ", " + ward), status, SummaryItem.from(e),
                    SummaryItem.day(e.at("/period/start").asText(null)) + (end == null ? "" : " to " + SummaryItem.day(end)));
        }).toList();
    }

    static List<SummaryItem> appointments(List<JsonNode> found) {
        return found.stream().map(a -> {
            String where = null;
            for (JsonNode participant : a.path("participant")) {
                if (!participant.at("/actor/reference").asText().startsWith("Patient/")) {
                    where = participant.at("/actor/display").asText(null);
                }
            }
            return new SummaryItem(SummaryItem.concept(a.path("appointmentType")), a.path("status").asText(), where == null ? SummaryItem.from(a) : where,
                    SummaryItem.day(a.path("start").asText(null)));
        }).toList();
    }

    /** The latest result of each test, with the one before it for a trend mark (↑ higher, ↓ lower, → the same). */
    static List<SummaryItem> latestResults(List<JsonNode> newestFirst) {
        Map<String, List<JsonNode>> byTest = new LinkedHashMap<>();
        for (JsonNode o : newestFirst) {
            byTest.computeIfAbsent(o.at("/code/coding/0/code").asText(SummaryItem.concept(o.path("code"))), k -> new ArrayList<>()).add(o);
        }
        List<SummaryItem> items = new ArrayList<>();
        byTest.values().forEach(results -> {
            JsonNode latest = results.getFirst();
            String value = value(latest);
            String trend = results.size() > 1 ? trend(number(latest), number(results.get(1))) : "";
            items.add(new SummaryItem(SummaryItem.concept(latest.path("code")), value + trend, SummaryItem.from(latest),
                    SummaryItem.day(latest.path("effectiveDateTime").asText(latest.path("issued").asText(null)))));
        });
        return items;
    }

    static List<SummaryItem> carePlans(List<JsonNode> found) {
        return found.stream().map(c -> new SummaryItem(c.path("title").asText(SummaryItem.concept(c.path("category").path(0))),
                c.path("description").asText(null), SummaryItem.from(c), SummaryItem.day(c.path("created").asText(c.at("/period/start").asText(null)))))
                .toList();
    }

    static List<SummaryItem> letters(List<JsonNode> found) {
        return found.stream().map(d -> new SummaryItem(d.path("description").asText(SummaryItem.concept(d.path("type"))),
                d.at("/content/0/attachment/title").asText(null), SummaryItem.from(d), SummaryItem.day(d.path("date").asText(null)))).toList();
    }

    /** What the patient has said matters to them, in their words. */
    static List<SummaryItem> whatMatters(List<JsonNode> found) {
        return found.stream().map(g -> new SummaryItem(g.at("/description/text").asText(""), g.at("/note/0/text").asText(null),
                g.at("/expressedBy/display").asText(SummaryItem.from(g)), SummaryItem.day(g.path("startDate").asText(null)))).toList();
    }

    /** Emergency care preferences: each advance directive (a ReSPECT form, a DNACPR decision) with its recommendations. */
    static List<SummaryItem> emergencyPreferences(List<JsonNode> found) {
        return found.stream().map(c -> {
            List<String> recommendations = new ArrayList<>();
            c.at("/provision/code").forEach(code -> recommendations.add(SummaryItem.concept(code)));
            c.at("/provision/provision").forEach(p -> p.path("code").forEach(code -> recommendations.add(SummaryItem.concept(code))));
            String title = c.at("/sourceAttachment/title").asText(SummaryItem.concept(c.path("category").path(0)));
            return new SummaryItem(title, String.join("; ", recommendations), c.at("/organization/0/display").asText(SummaryItem.from(c)),
                    SummaryItem.day(c.path("dateTime").asText(null)));
        }).toList();
    }

    /** The patient's own emergency care preferences, in their words: their latest answer to the questionnaire, if any. */
    static List<SummaryItem> patientsOwnPreferences(List<JsonNode> responses) {
        for (JsonNode response : responses) {
            if (!response.path("questionnaire").asText().startsWith(PersonalisedCare.EMERGENCY_PREFERENCES_QUESTIONNAIRE)) {
                continue;
            }
            List<String> said = new ArrayList<>();
            for (JsonNode item : response.path("item")) {
                JsonNode answer = item.at("/answer/0");
                String value = answer.has("valueCoding") ? answer.at("/valueCoding/display").asText() : answer.path("valueString").asText("");
                if (!value.isBlank()) {
                    said.add(item.path("text").asText() + " " + value);
                }
            }
            return List.of(new SummaryItem("The patient's own preferences (not a clinical decision)", String.join(" ", said), "The patient",
                    SummaryItem.day(response.path("authored").asText(null))));
        }
        return List.of();
    }

    /** Who looks after the patient: each member of each active care team, with their role and the team's phone. */
    static List<SummaryItem> careTeam(List<JsonNode> found) {
        List<SummaryItem> members = new ArrayList<>();
        for (JsonNode team : found) {
            String organisation = team.at("/managingOrganization/0/display").asText(SummaryItem.from(team));
            String phone = phone(team.path("telecom"));
            for (JsonNode participant : team.path("participant")) {
                members.add(new SummaryItem(participant.at("/member/display").asText(""), joined(SummaryItem.concept(participant.path("role").path(0)), phone),
                        organisation, SummaryItem.day(team.at("/period/start").asText(null))));
            }
        }
        return members;
    }

    /** Next of kin, carers and other contacts: those the record holds as related people, then the patient's own contacts. */
    static List<SummaryItem> keyContacts(List<JsonNode> relatedPeople, JsonNode patient) {
        List<SummaryItem> contacts = new ArrayList<>();
        for (JsonNode person : relatedPeople) {
            contacts.add(new SummaryItem(name(person.path("name").path(0)), joined(SummaryItem.concept(person.path("relationship").path(0)),
                    phone(person.path("telecom"))), SummaryItem.from(person), SummaryItem.day(person.at("/period/start").asText(null))));
        }
        for (JsonNode contact : patient.path("contact")) {
            contacts.add(new SummaryItem(name(contact.path("name")), joined(SummaryItem.concept(contact.path("relationship").path(0)),
                    phone(contact.path("telecom"))), SummaryItem.from(patient), null));
        }
        return contacts;
    }

    private static String joined(String first, String second) {
        return first == null || first.isEmpty() ? second : second == null ? first : first + ", " + second;
    }

    private static String name(JsonNode name) {
        if (name.hasNonNull("text")) {
            return name.path("text").asText();
        }
        List<String> parts = new ArrayList<>();
        name.path("prefix").forEach(p -> parts.add(p.asText()));
        name.path("given").forEach(g -> parts.add(g.asText()));
        if (name.hasNonNull("family")) {
            parts.add(name.path("family").asText());
        }
        return String.join(" ", parts);
    }

    private static String phone(JsonNode telecoms) {
        for (JsonNode telecom : telecoms) {
            if ("phone".equals(telecom.path("system").asText())) {
                return telecom.path("value").asText();
            }
        }
        return null;
    }

    private static String value(JsonNode observation) {
        if (observation.has("valueQuantity")) {
            return observation.at("/valueQuantity/value").asText() + " " + observation.at("/valueQuantity/unit").asText("");
        }
        if (observation.has("component")) {
            List<String> parts = new ArrayList<>();
            observation.path("component").forEach(c -> parts.add(c.at("/valueQuantity/value").asText()));
            return String.join("/", parts) + " " + observation.at("/component/0/valueQuantity/unit").asText("");
        }
        return observation.has("valueString") ? observation.path("valueString").asText() : SummaryItem.concept(observation.path("valueCodeableConcept"));
    }

    private static BigDecimal number(JsonNode observation) {
        JsonNode value = observation.has("valueQuantity") ? observation.at("/valueQuantity/value") : observation.at("/component/0/valueQuantity/value");
        return value.isNumber() ? value.decimalValue() : null;
    }

    private static String trend(BigDecimal latest, BigDecimal before) {
        if (latest == null || before == null) {
            return "";
        }
        int compared = latest.compareTo(before);
        return compared > 0 ? " ↑" : compared < 0 ? " ↓" : " →";
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
