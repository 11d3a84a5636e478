package org.joinedup.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.joinedup.notify.MessageStatuses;
import org.joinedup.scheduling.Clinic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Booked appointments are reminded a day and a week before (the default rule), once each, in words a text may
 * carry (when and where, never what for); cancelled appointments are not reminded; a clinic's slots are rolled
 * forward to the horizon, once.
 */
@FhirTest
class AppointmentRemindersTest {

    @LocalServerPort
    int port;
    @Autowired
    AppointmentReminders reminders;
    @Autowired
    SlotRollForward rollForward;
    @Autowired
    MessageStatuses statuses;
    @Autowired
    JdbcTemplate jdbc;

    Clinic clinic;
    String patient;

    @BeforeEach
    void aClinicAndAPatientWithAMobile() {
        clinic = new Clinic(new FhirClient(port), "Outpatients 4");
        patient = clinic.patient("Reminded", "[{\"system\":\"phone\",\"value\":\"07700900401\",\"use\":\"mobile\"}]");
    }

    @Test
    void anAppointmentTomorrowIsRemindedOnceSayingWhenAndWhere() {
        String appointment = clinic.book(clinic.fhir, clinic.slotIn(23, ChronoUnit.HOURS), patient).json().path("id").asText();

        reminders.remindDue();
        reminders.remindDue();

        Map<String, String> sent = Eventually.await(() -> statuses.byReferencePrefix("appointment/" + appointment + "/"),
                m -> m.values().stream().anyMatch("delivered"::equals));
        assertThat(sent).hasSize(1);
        assertThat(sent.keySet().iterator().next()).endsWith("/reminder-PT24H");
        String body = jdbc.queryForObject("SELECT body FROM message WHERE reference LIKE ?", String.class, "appointment/" + appointment + "/%");
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        assertThat(body).startsWith("Hello Sam, this is a reminder of your appointment on ").contains(String.valueOf(day.getDayOfMonth()))
                .contains("at Outpatients 4").doesNotContain(clinic.service);
    }

    @Test
    void anAppointmentBookedBetweenTwoLooksInsideItsReminderTimeIsStillReminded() {
        reminders.remindDue(); // a look before the booking: the next looks back only this far, but also at new bookings
        String appointment = clinic.book(clinic.fhir, clinic.slotIn(20, ChronoUnit.HOURS), patient).json().path("id").asText();

        reminders.remindDue();

        assertThat(Eventually.await(() -> statuses.byReferencePrefix("appointment/" + appointment + "/"), m -> !m.isEmpty())).hasSize(1);
    }

    @Test
    void aCancelledAppointmentIsNotReminded() {
        String appointment = clinic.book(clinic.fhir, clinic.slotIn(23, ChronoUnit.HOURS), patient).json().path("id").asText();
        clinic.cancel(clinic.fhir, appointment);

        reminders.remindDue();

        assertThat(statuses.byReferencePrefix("appointment/" + appointment + "/")).isEmpty();
    }

    @Test
    void aClinicsSlotsAreMadeUpToTheHorizonOnceFromItsWeeklySessions() {
        String schedule = clinic.fhir.create(FhirClient.parse("""
                {"resourceType":"Schedule","active":true,"actor":[{"display":"Clinic room 9"}],"extension":[{"url":"https://fhir.joinedup.nhs.uk/StructureDefinition/clinic-session",
                 "extension":[{"url":"day","valueCode":"wed"},{"url":"start","valueTime":"09:00:00"},{"url":"end","valueTime":"10:00:00"},
                 {"url":"slotMinutes","valuePositiveInt":30},{"url":"capacity","valuePositiveInt":1}]}]}""")).path("id").asText();

        rollForward.rollForward();
        int made = count(schedule);
        rollForward.rollForward();

        assertThat(made).isBetween(2 * 26, 2 * 27);
        assertThat(count(schedule)).as("rolling again adds nothing").isEqualTo(made);
        assertThat(clinic.fhir.get("/Schedule/" + schedule).body()).contains("slots-made-until");
    }

    private int count(String schedule) {
        return clinic.fhir.get("/Slot?schedule=Schedule/" + schedule + "&_summary=count").json().path("total").asInt();
    }
}
