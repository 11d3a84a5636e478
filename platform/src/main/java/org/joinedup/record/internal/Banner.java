package org.joinedup.record.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.joinedup.shared.NhsNumber;

/**
 * The patient banner, as the NHS banner conventions lay it out: name as FAMILY, Given (title); born date and age;
 * gender; NHS number in 3-3-4; address; GP practice; and whether the patient has died.
 */
public record Banner(String id, String name, String born, String gender, String nhsNumber, String address, String gp, boolean deceased) {

    private static final DateTimeFormatter BORN = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH); // 06-Sep-1958, as NHS screens show dates

    static Banner of(JsonNode patient, LocalDate today) {
        JsonNode name = patient.path("name").path(0);
        List<String> given = new ArrayList<>();
        name.path("given").forEach(g -> given.add(g.asText()));
        String prefix = name.path("prefix").path(0).asText("");
        String shown = name.path("family").asText("").toUpperCase(Locale.UK) + (given.isEmpty() ? "" : ", " + String.join(" ", given))
                + (prefix.isEmpty() ? "" : " (" + prefix + ")");
        String born = null;
        String birthDate = patient.path("birthDate").asText(null);
        if (birthDate != null && birthDate.length() == 10) {
            LocalDate date = LocalDate.parse(birthDate);
            born = date.format(BORN) + " (" + age(date, today) + ")";
        }
        String nhs = null;
        for (JsonNode identifier : patient.path("identifier")) {
            if (NhsNumber.SYSTEM.equals(identifier.path("system").asText())) {
                nhs = NhsNumber.parse(identifier.path("value").asText()).map(NhsNumber::formatted).orElse(identifier.path("value").asText());
            }
        }
        JsonNode address = patient.path("address").path(0);
        List<String> parts = new ArrayList<>();
        address.path("line").forEach(l -> parts.add(l.asText()));
        for (String field : List.of("city", "postalCode")) {
            if (address.hasNonNull(field)) {
                parts.add(address.path(field).asText());
            }
        }
        String gender = patient.path("gender").asText(null);
        return new Banner(patient.path("id").asText(), shown, born, gender == null ? null : capitalised(gender), nhs, String.join(", ", parts),
                patient.at("/generalPractitioner/0/display").asText(null),
                patient.path("deceasedBoolean").asBoolean(false) || patient.has("deceasedDateTime"));
    }

    /** Age as the banner shows it: years, or months under two, or days under a month. */
    static String age(LocalDate born, LocalDate today) {
        Period period = Period.between(born, today);
        if (period.getYears() >= 2) {
            return period.getYears() + "y";
        }
        long months = period.toTotalMonths();
        return months >= 1 ? months + "m" : java.time.temporal.ChronoUnit.DAYS.between(born, today) + "d";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
