package org.joinedup.medication;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * When the doses of one dosage instruction (FHIR R4 Dosage) fall in a day, for a dispenser and a carer's day:
 * as needed ({@code asNeeded[x]}) none; else the times of day it names ({@code timing.repeat.timeOfDay}); else its
 * events ({@code when}: morning, noon, evening, night, meals, waking, before sleep) at the provider's rounds; else its
 * frequency per day ({@code frequency}/{@code period}/{@code periodUnit}, or the abbreviation in {@code timing.code}:
 * QD, BID, TID, QID, AM, PM) spread over the rounds (once: morning; twice: morning and teatime; three times: morning,
 * lunchtime, teatime; four: and bedtime); every so many hours from 06:00; weekly on its {@code dayOfWeek} (else the
 * start's weekday); every other day from its start. With or without food from {@code when} (C, AC, PC) or the
 * additional instruction (SNOMED CT 311504000 with or after food, 311501008 half to one hour before food, 717154004
 * on an empty stomach). A dosage the rules cannot read has no times and says so, for a person to set.
 */
public record DoseSchedule(List<LocalTime> times, boolean asNeeded, String food, Set<DayOfWeek> days, int everyDays, LocalDate from, String problem) {

    /** The provider's drug rounds. */
    public record Rounds(LocalTime morning, LocalTime lunchtime, LocalTime teatime, LocalTime bedtime) {
    }

    /** Whether doses fall on this day. */
    public boolean dueOn(LocalDate day) {
        if (asNeeded || times.isEmpty() || (from != null && day.isBefore(from))) {
            return false;
        }
        if (!days.isEmpty()) {
            return days.contains(day.getDayOfWeek());
        }
        return everyDays <= 1 || from == null || (day.toEpochDay() - from.toEpochDay()) % everyDays == 0;
    }

    public static DoseSchedule of(JsonNode dosage, Rounds rounds, LocalDate start) {
        String food = food(dosage);
        if (dosage.path("asNeededBoolean").asBoolean(false) || dosage.has("asNeededCodeableConcept")) {
            return new DoseSchedule(List.of(), true, food, Set.of(), 1, start, null);
        }
        JsonNode repeat = dosage.at("/timing/repeat");
        Set<DayOfWeek> days = weekdays(repeat);
        TreeSet<LocalTime> times = new TreeSet<>();
        repeat.path("timeOfDay").forEach(t -> times.add(LocalTime.parse(t.asText())));
        if (times.isEmpty()) {
            repeat.path("when").forEach(w -> times.addAll(when(w.asText(), rounds)));
        }
        int everyDays = 1;
        if (times.isEmpty()) {
            String code = dosage.at("/timing/code/coding/0/code").asText("").toUpperCase(Locale.ROOT);
            int frequency = repeat.path("frequency").asInt(0);
            double period = repeat.path("period").asDouble(0);
            String unit = repeat.path("periodUnit").asText("");
            switch (code) {
                case "QD" -> { frequency = 1; period = 1; unit = "d"; }
                case "BID" -> { frequency = 2; period = 1; unit = "d"; }
                case "TID" -> { frequency = 3; period = 1; unit = "d"; }
                case "QID" -> { frequency = 4; period = 1; unit = "d"; }
                case "QOD" -> { frequency = 1; period = 2; unit = "d"; }
                case "AM" -> times.add(rounds.morning());
                case "PM" -> times.add(rounds.teatime());
                default -> { }
            }
            if (times.isEmpty() && frequency > 0 && period > 0) {
                if (unit.equals("d") && period == 1) {
                    times.addAll(spread(frequency, rounds));
                } else if (unit.equals("d") && frequency == 1 && period == Math.rint(period)) {
                    times.add(rounds.morning());
                    everyDays = (int) period;
                } else if (unit.equals("h") && frequency == 1 && period >= 1 && 24 % period == 0) {
                    for (int hour = 6; hour < 30; hour += (int) period) {
                        times.add(LocalTime.of(hour % 24, 0));
                    }
                } else if (unit.equals("wk") && frequency == 1 && period == 1) {
                    times.add(rounds.morning());
                    if (days.isEmpty() && start != null) {
                        days = Set.of(start.getDayOfWeek());
                    }
                }
            }
        }
        if (times.isEmpty()) {
            return new DoseSchedule(List.of(), false, food, Set.of(), 1, start, "The dosage has no times a dispenser can follow: "
                    + dosage.path("text").asText("(no text)") + "; set the times by hand");
        }
        return new DoseSchedule(List.copyOf(times), false, food, days, everyDays, start, null);
    }

    private static Set<DayOfWeek> weekdays(JsonNode repeat) {
        Set<DayOfWeek> days = new TreeSet<>();
        repeat.path("dayOfWeek").forEach(d -> {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.name().toLowerCase(Locale.ROOT).startsWith(d.asText().toLowerCase(Locale.ROOT))) {
                    days.add(day);
                }
            }
        });
        return days;
    }

    private static List<LocalTime> spread(int perDay, Rounds r) {
        return switch (perDay) {
            case 1 -> List.of(r.morning());
            case 2 -> List.of(r.morning(), r.teatime());
            case 3 -> List.of(r.morning(), r.lunchtime(), r.teatime());
            case 4 -> List.of(r.morning(), r.lunchtime(), r.teatime(), r.bedtime());
            default -> List.of();
        };
    }

    /** The rounds of an EventTiming code. */
    private static List<LocalTime> when(String code, Rounds r) {
        return switch (code) {
            case "MORN", "MORN.early", "MORN.late", "WAKE", "CM", "ACM", "PCM" -> List.of(r.morning());
            case "NOON", "CD", "ACD", "PCD" -> List.of(r.lunchtime());
            case "AFT", "AFT.early", "AFT.late" -> List.of(r.lunchtime().plusHours(2));
            case "EVE", "EVE.early", "EVE.late", "CV", "ACV", "PCV" -> List.of(r.teatime());
            case "NIGHT", "HS", "PHS" -> List.of(r.bedtime());
            case "C", "AC", "PC" -> List.of(r.morning(), r.lunchtime(), r.teatime());
            default -> List.of();
        };
    }

    /** With food, before food, on an empty stomach, or null. */
    private static String food(JsonNode dosage) {
        for (JsonNode w : dosage.at("/timing/repeat/when")) {
            String code = w.asText();
            if (code.startsWith("AC")) {
                return "before food";
            }
            if (code.startsWith("PC")) {
                return "after food";
            }
            if (code.equals("C") || code.equals("CM") || code.equals("CD") || code.equals("CV")) {
                return "with food";
            }
        }
        for (JsonNode instruction : dosage.path("additionalInstruction")) {
            for (JsonNode coding : instruction.path("coding")) {
                switch (coding.path("code").asText()) {
                    case "311504000": return "with or after food";
                    case "311501008": return "half to one hour before food";
                    case "717154004": return "on an empty stomach";
                    default: break;
                }
            }
        }
        return null;
    }
}
