package org.joinedup.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import org.joinedup.access.MintedTokens;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Patients book, move and cancel their own appointments within the service's rules (by default: up to 90 days
 * ahead, not within 24 hours, two moves each); staff are not held to them. Only staff record attendance.
 */
@FhirTest
class PatientBookingRulesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    FhirClient staff;
    FhirClient patient;
    Clinic clinic;
    String patientId;

    @BeforeEach
    void aClinicAndAPatientSignedInToThePortal() {
        staff = new FhirClient(port);
        clinic = new Clinic(staff, "Outpatients 3");
        patientId = clinic.patient("Rules", null);
        patient = staff.as(new MintedTokens(jdbc).patient(patientId, "patient/*.cruds"));
    }

    @Test
    void aPatientBooksOnlyBetweenTheCutOffAndTheBookingHorizon() {
        FhirClient.Response tooSoon = clinic.book(patient, clinic.slotIn(2, ChronoUnit.HOURS), patientId);
        assertThat(tooSoon.status()).isEqualTo(422);
        assertThat(tooSoon.body()).contains("within 1 day cannot be booked online");
        FhirClient.Response tooFar = clinic.book(patient, clinic.slotIn(100, ChronoUnit.DAYS), patientId);
        assertThat(tooFar.status()).isEqualTo(422);
        assertThat(tooFar.body()).contains("up to 90 days ahead");

        FhirClient.Response booked = clinic.book(patient, clinic.slotIn(3, ChronoUnit.DAYS), patientId);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.json().at("/participant/0/actor/reference").asText()).isEqualTo("Patient/" + patientId);
        assertThat(clinic.book(staff, clinic.slotIn(2, ChronoUnit.HOURS), patientId).status()).as("staff are not held to the rules").isEqualTo(201);
    }

    @Test
    void aPatientCannotBookSomeoneElse() {
        String other = clinic.patient("Other", null);
        assertThat(clinic.book(patient, clinic.slotIn(3, ChronoUnit.DAYS), other).status()).isIn(403, 404);
    }

    @Test
    void aPatientMovesAnAppointmentTwiceAtMostThenMustAskTheClinic() {
        String appointment = clinic.book(patient, clinic.slotIn(3, ChronoUnit.DAYS), patientId).json().path("id").asText();

        assertThat(clinic.reschedule(patient, appointment, clinic.slotIn(4, ChronoUnit.DAYS)).status()).isEqualTo(200);
        FhirClient.Response second = clinic.reschedule(patient, appointment, clinic.slotIn(5, ChronoUnit.DAYS));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("patient-reschedules").contains("\"valueInteger\":2");
        FhirClient.Response third = clinic.reschedule(patient, appointment, clinic.slotIn(6, ChronoUnit.DAYS));
        assertThat(third.status()).isEqualTo(422);
        assertThat(third.body()).contains("moved online 2 times");

        assertThat(clinic.reschedule(staff, appointment, clinic.slotIn(6, ChronoUnit.DAYS)).status()).as("staff may move it").isEqualTo(200);
    }

    @Test
    void aPatientCannotCancelWithinTheCutOffButStaffCan() {
        String soon = clinic.book(staff, clinic.slotIn(3, ChronoUnit.HOURS), patientId).json().path("id").asText();
        FhirClient.Response refused = clinic.cancel(patient, soon);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("contact the clinic");
        assertThat(clinic.cancel(staff, soon).status()).isEqualTo(200);

        String later = clinic.book(patient, clinic.slotIn(3, ChronoUnit.DAYS), patientId).json().path("id").asText();
        assertThat(clinic.cancel(patient, later).json().path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void staffRecordArrivalAttendanceAndMissedAppointmentsInOrder() {
        String future = clinic.book(staff, clinic.slotIn(3, ChronoUnit.DAYS), patientId).json().path("id").asText();
        assertThat(clinic.mark(patient, future, "arrived").status()).isEqualTo(403);
        FhirClient.Response early = clinic.mark(staff, future, "noshow");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("has not started yet");

        assertThat(clinic.mark(staff, future, "arrived").json().path("status").asText()).isEqualTo("arrived");
        assertThat(clinic.mark(staff, future, "noshow").status()).isEqualTo(409);
        assertThat(clinic.mark(staff, future, "fulfilled").json().path("status").asText()).isEqualTo("fulfilled");
        assertThat(clinic.mark(staff, future, "fulfilled").status()).as("saying it twice is harmless").isEqualTo(200);
        assertThat(clinic.reschedule(staff, future, clinic.slotIn(4, ChronoUnit.DAYS)).status()).isEqualTo(409);

        String missed = staff.create(FhirClient.parse("{\"resourceType\":\"Appointment\",\"status\":\"booked\",\"start\":\"2026-01-05T09:00:00Z\","
                + "\"end\":\"2026-01-05T09:15:00Z\",\"participant\":[{\"status\":\"accepted\",\"actor\":{\"reference\":\"Patient/" + patientId + "\"}}]}"))
                .path("id").asText();
        assertThat(clinic.mark(staff, missed, "noshow").json().path("status").asText()).isEqualTo("noshow");
    }
}
