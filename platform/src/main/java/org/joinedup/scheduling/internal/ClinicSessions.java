package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A clinic's weekly sessions and closures, as its Schedule holds them in extensions:
 * {@code clinic-session} (day, start, end, slotMinutes, capacity: local times in England) repeating every week,
 * and {@code clinic-closure} (a period, and why) when it does not run.
 */
record ClinicSessions(List<Session> sessions, List<Closure> closures) {

    static final String SESSION = "https://fhir.joinedup.nhs.uk/StructureDefinition/clinic-session";
    static final String CLOSURE = "https://fhir.joinedup.nhs.uk/StructureDefinition/clinic-closure";

    record Session(DayOfWeek day, LocalTime start, LocalTime end, int slotMinutes, int capacity) {
    }

    record Closure(LocalDate first, LocalDate last, String reason) {

        boolean covers(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    static ClinicSessions of(JsonNode schedule) {
        List<Session> sessions = new ArrayList<>();
        List<Closure> closures = new ArrayList<>();
        for (JsonNode extension : schedule.path("extension")) {
            String url = extension.path("url").asText();
            try {
                if (SESSION.equals(url)) {
                    Session session = new Session(DayOfWeek.valueOf(day(part(extension, "day", "valueCode"))),
                            LocalTime.parse(part(extension, "start", "valueTime")), LocalTime.parse(part(extension, "end", "valueTime")),
                            Integer.parseInt(part(extension, "slotMinutes", "valuePositiveInt")),
                            Integer.parseInt(optional(extension, "capacity", "valuePositiveInt", "1")));
                    if (!session.end().isAfter(session.start()) || session.slotMinutes() < 5 || session.capacity() > 50) {
                        throw new Refusal(422, "business-rule", "A session must end after it starts, with slots of 5 minutes or more and "
                                + "a capacity of at most 50");
                    }
                    sessions.add(session);
                } else if (CLOSURE.equals(url)) {
                    String start = extension.at("/valuePeriod/start").asText();
                    String end = extension.at("/valuePeriod/end").asText(start);
                    closures.add(new Closure(LocalDate.parse(start.substring(0, 10)), LocalDate.parse(end.substring(0, 10)),
                            optional(extension, "reason", "valueString", "closed")));
                }
            } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new Refusal(422, "invalid", "The Schedule's " + url.substring(url.lastIndexOf('/') + 1) + " cannot be read: " + e.getMessage());
            }
        }
        return new ClinicSessions(sessions, closures);
    }

    boolean closedOn(LocalDate day) {
        return closures.stream().anyMatch(c -> c.covers(day));
    }

    private static String day(String code) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(code.toLowerCase(Locale.ROOT)) && code.length() >= 3) {
                return day.name();
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a day (mon, tue, ...)");
    }

    private static String part(JsonNode extension, String name, String type) {
        String value = optional(extension, name, type, null);
        if (value == null) {
            throw new IllegalArgumentException("it has no " + name);
        }
        return value;
    }

    private static String optional(JsonNode extension, String name, String type, String otherwise) {
        for (JsonNode part : extension.path("extension")) {
            if (name.equals(part.path("url").asText()) && part.has(type)) {
                return part.path(type).asText();
            }
        }
        return otherwise;
    }
}
