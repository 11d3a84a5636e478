package org.joinedup.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An appointment as an RFC 5545 calendar file: its times in UTC, the place and service escaped, long lines folded. */
class CalendarFileTest {

    private static JsonNode appointment(String status, String place) throws Exception {
        return StoreCalls.JSON.readTree("""
                {"resourceType":"Appointment","id":"a1","meta":{"versionId":"3"},"status":"%s",
                 "serviceType":[{"text":"Cardiology clinic"}],"start":"2026-12-01T09:30:00+00:00","end":"2026-12-01T09:45:00Z",
                 "participant":[{"actor":{"reference":"Patient/p1","display":"Ada Lovelace"}},
                                {"actor":{"reference":"Location/l1","display":"%s"}}]}""".formatted(status, place));
    }

    @Test
    void anAppointmentIsOneEventWithItsTimesPlaceAndService() throws Exception {
        String ics = CalendarFile.of(appointment("booked", "Outpatients 2, Royal Infirmary"), Instant.parse("2026-11-26T12:00:00Z"));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
        assertThat(ics).contains("UID:a1@joinedup\r\n", "DTSTAMP:20261126T120000Z\r\n", "DTSTART:20261201T093000Z\r\n", "DTEND:20261201T094500Z\r\n",
                "SUMMARY:Cardiology clinic\r\n", "LOCATION:Outpatients 2\\, Royal Infirmary\r\n", "STATUS:CONFIRMED\r\n", "SEQUENCE:3\r\n");
        assertThat(ics).as("the patient's name is not in the file").doesNotContain("Ada");
    }

    @Test
    void aCancelledAppointmentSaysSoAndLongLinesAreFoldedAt75Octets() throws Exception {
        String ics = CalendarFile.of(appointment("cancelled", "Outpatients; the long corridor past the café on the ground floor of the east wing"),
                Instant.now());

        assertThat(ics).contains("STATUS:CANCELLED\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n ", "")).contains("LOCATION:Outpatients\\; the long corridor past the café on the ground floor of the east wing\r\n");
    }
}
