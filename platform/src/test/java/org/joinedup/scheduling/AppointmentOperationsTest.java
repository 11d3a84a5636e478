package org.joinedup.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clinic's free slots are found earliest first; a patient is booked into a free slot only, never two into one
 * however many ask at once; an appointment moves to another slot in one step, and is cancelled with its reason,
 * freeing its slot.
 */
@FhirTest
class AppointmentOperationsTest {

    @LocalServerPort
    int port;
    FhirClient fhir;
    String service;
    String location;
    String patient;
    List<String> slots = new ArrayList<>();
    LocalDate tomorrow = LocalDate.now().plusDays(1);

    @BeforeEach
    void aClinicWithSlotsTomorrow() {
        fhir = new FhirClient(port);
        service = "clinic-" + UUID.randomUUID();
        location = "Location/" + fhir.create(FhirClient.parse("{\"resourceType\":\"Location\",\"name\":\"Outpatients 2\"}")).path("id").asText();
        String schedule = fhir.create(FhirClient.parse("{\"resourceType\":\"Schedule\",\"active\":true,\"serviceType\":[{\"coding\":[{\"system\":"
                + "\"urn:test:service\",\"code\":\"" + service + "\"}]}],\"actor\":[{\"reference\":\"" + location + "\",\"display\":\"Outpatients 2\"}]}"))
                .path("id").asText();
        for (String[] slot : new String[][] {{"09:30", "free"}, {"09:00", "free"}, {"09:15", "free"}, {"09:45", "busy"}}) {
            slots.add(fhir.create(FhirClient.parse("{\"resourceType\":\"Slot\",\"schedule\":{\"reference\":\"Schedule/" + schedule + "\"},"
                    + "\"serviceType\":[{\"coding\":[{\"system\":\"urn:test:service\",\"code\":\"" + service + "\"}]}],\"status\":\"" + slot[1] + "\","
                    + "\"start\":\"" + tomorrow + "T" + slot[0] + ":00Z\",\"end\":\"" + tomorrow + "T" + slot[0].replace(":00", ":15").replace(":15", ":30")
                    .replace(":30", ":45").replace(":45", ":59") + ":00Z\"}")).path("id").asText());
        }
        patient = "Patient/" + fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Booker\"}]}")).path("id").asText();
    }

    @Test
    void freeSlotsAreFoundEarliestFirstForTheServiceAndLocation() {
        FhirClient.Response found = fhir.get("/Appointment/$find?service-type=urn:test:service|" + service + "&location=" + location + "&start=" + tomorrow);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.matchIds()).containsExactly(slots.get(1), slots.get(2), slots.get(0));
        assertThat(fhir.get("/Appointment/$find?service-type=urn:test:service|" + service + "&_count=1&start=" + tomorrow).matchIds())
                .containsExactly(slots.get(1));
        assertThat(fhir.get("/Appointment/$find?service-type=urn:test:service|" + service + "&start=tomorrow").status()).isEqualTo(400);
    }

    @Test
    void theCapabilityStatementListsTheOperations() {
        String statement = fhir.get("/metadata").body();

        assertThat(statement).contains("OperationDefinition/Appointment-find", "OperationDefinition/Appointment-book",
                "OperationDefinition/Appointment-reschedule", "OperationDefinition/Appointment-cancel", "OperationDefinition/Schedule-generate-slots");
    }

    @Test
    void aPatientIsBookedIntoAFreeSlotAndTheSlotIsThenBusy() {
        FhirClient.Response booked = book(slots.get(1));

        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode appointment = booked.json();
        assertThat(appointment.path("status").asText()).isEqualTo("booked");
        assertThat(appointment.at("/slot/0/reference").asText()).isEqualTo("Slot/" + slots.get(1));
        assertThat(appointment.path("participant").toString()).contains(patient, location);
        assertThat(appointment.path("start").asText()).startsWith(tomorrow + "T09:00");
        assertThat(fhir.get("/Slot/" + slots.get(1)).json().path("status").asText()).isEqualTo("busy");

        FhirClient.Response again = book(slots.get(1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("OperationOutcome", "not free");
        assertThat(book(slots.get(3)).status()).as("a busy slot").isEqualTo(409);
        assertThat(fhir.post("/Appointment/$book", FhirClient.parse("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"slot\","
                + "\"valueReference\":{\"reference\":\"Slot/" + slots.get(2) + "\"}}]}")).status()).as("no patient").isEqualTo(400);
        assertThat(fhir.get("/Appointment/$book?slot=Slot/" + slots.get(2) + "&patient=" + patient).status()).isEqualTo(405);
    }

    @Test
    void manyBookingTheSameSlotAtOnceGiveOneAppointment() throws Exception {
        int clients = 12;
        CountDownLatch ready = new CountDownLatch(clients);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return book(slots.get(2)).status();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        }
        assertThat(fhir.get("/Appointment?slot=Slot/" + slots.get(2)).json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void anAppointmentMovesToAnotherSlotInOneStepAndIsCancelledWithItsReason() {
        String appointment = book(slots.get(1)).json().path("id").asText();

        FhirClient.Response moved = fhir.post("/Appointment/" + appointment + "/$reschedule", parameters("slot", "Slot/" + slots.get(0)));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("start").asText()).startsWith(tomorrow + "T09:30");
        assertThat(fhir.get("/Slot/" + slots.get(1)).json().path("status").asText()).isEqualTo("free");
        assertThat(fhir.get("/Slot/" + slots.get(0)).json().path("status").asText()).isEqualTo("busy");
        assertThat(fhir.post("/Appointment/" + appointment + "/$reschedule", parameters("slot", "Slot/" + slots.get(3))).status())
                .as("into a busy slot").isEqualTo(409);

        FhirClient.Response cancelled = fhir.post("/Appointment/" + appointment + "/$cancel", parameters("reason", "Patient feels better"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().at("/cancelationReason/text").asText()).isEqualTo("Patient feels better");
        assertThat(fhir.get("/Slot/" + slots.get(0)).json().path("status").asText()).isEqualTo("free");
        FhirClient.Response twice = fhir.post("/Appointment/" + appointment + "/$cancel", parameters("reason", "again"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("cancelled and can no longer be changed");
        assertThat(fhir.get("/Appointment/$nothing").status()).isEqualTo(404);
    }

    private FhirClient.Response book(String slot) {
        return fhir.post("/Appointment/$book", FhirClient.parse("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"slot\","
                + "\"valueReference\":{\"reference\":\"Slot/" + slot + "\"}},{\"name\":\"patient\",\"valueReference\":{\"reference\":\"" + patient + "\"}}]}"));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode parameters(String name, String value) {
        String typed = value.contains("/") ? "\"valueReference\":{\"reference\":\"" + value + "\"}" : "\"valueString\":\"" + value + "\"";
        return FhirClient.parse("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"" + name + "\"," + typed + "}]}");
    }
}
