package org.joinedup.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clinic's slots are made from its weekly sessions, in English local time across the clock change, as many at a
 * time as its capacity; made again, nothing doubles; a closure leaves its days without free slots and counts the
 * bookings to move.
 */
@FhirTest
class ClinicSlotsTest {

    private static final String SESSION = "https://fhir.joinedup.nhs.uk/StructureDefinition/clinic-session";

    @LocalServerPort
    int port;
    FhirClient fhir;
    String service;
    ObjectNode schedule;

    @BeforeEach
    void aClinicOnMondayMorningsAndWednesdayAfternoons() {
        fhir = new FhirClient(port);
        service = "slots-" + UUID.randomUUID();
        schedule = FhirClient.parse("""
                {"resourceType":"Schedule","active":true,"serviceType":[{"coding":[{"system":"urn:test:service","code":"%s"}]}],
                 "actor":[{"display":"Clinic room 3"}],
                 "extension":[%s,%s,{"url":"https://fhir.joinedup.nhs.uk/StructureDefinition/clinic-closure",
                   "valuePeriod":{"start":"2027-03-24","end":"2027-03-24"},"extension":[{"url":"reason","valueString":"Staff training"}]}]}"""
                .formatted(service, session("mon", "09:00:00", "10:00:00", 15, 1), session("wed", "14:00:00", "15:00:00", 30, 2)));
        schedule = (ObjectNode) fhir.create(schedule);
    }

    private static String session(String day, String start, String end, int minutes, int capacity) {
        return """
                {"url":"%s","extension":[{"url":"day","valueCode":"%s"},{"url":"start","valueTime":"%s"},{"url":"end","valueTime":"%s"},
                 {"url":"slotMinutes","valuePositiveInt":%d},{"url":"capacity","valuePositiveInt":%d}]}""".formatted(SESSION, day, start, end, minutes, capacity);
    }

    @Test
    void slotsFollowTheSessionsInLocalTimeAndAreMadeOnlyOnce() {
        JsonNode made = generate();
        assertThat(value(made, "created")).as("two Mondays of 4, one Wednesday of 2 times 2 (the other is closed)").isEqualTo(12);

        JsonNode mondays = fhir.get("/Slot?schedule=Schedule/" + schedule.path("id").asText() + "&start=lt2027-03-30&_sort=start&_count=50").json();
        assertThat(mondays.at("/entry/0/resource/start").asText()).isEqualTo("2027-03-22T09:00:00Z");
        assertThat(mondays.at("/entry/4/resource/start").asText()).as("after the clocks go forward").isEqualTo("2027-03-29T09:00:00+01:00");
        FhirClient.Response wednesday = fhir.get("/Appointment/$find?service-type=urn:test:service|" + service + "&start=2027-03-31&end=2027-04-01");
        assertThat(wednesday.matchIds()).hasSize(4);

        assertThat(value(generate(), "created")).as("made again: nothing new").isZero();
    }

    @Test
    void aClosureMakesTheDaysFreeSlotsUnavailableAndCountsTheBookingsToMove() {
        generate();
        String patient = "Patient/" + fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\"}")).path("id").asText();
        String slot = fhir.get("/Slot?schedule=Schedule/" + schedule.path("id").asText() + "&start=2027-03-29T09:15:00%2B01:00").matchIds().getFirst();
        assertThat(fhir.post("/Appointment/$book?slot=Slot/" + slot + "&patient=" + patient, FhirClient.parse("{\"resourceType\":\"Parameters\"}")).status()).isEqualTo(201);

        ObjectNode closed = (ObjectNode) fhir.get("/Schedule/" + schedule.path("id").asText()).json();
        closed.withArray("extension").addObject().put("url", "https://fhir.joinedup.nhs.uk/StructureDefinition/clinic-closure")
                .putObject("valuePeriod").put("start", "2027-03-29").put("end", "2027-03-29");
        assertThat(fhir.put("/Schedule/" + schedule.path("id").asText(), closed).status()).isEqualTo(200);
        JsonNode made = generate();

        assertThat(value(made, "closed")).isEqualTo(3);
        assertThat(value(made, "toRebook")).isEqualTo(1);
        JsonNode day = fhir.get("/Slot?schedule=Schedule/" + schedule.path("id").asText() + "&start=ge2027-03-29&start=lt2027-03-30&status=busy-unavailable").json();
        assertThat(day.path("total").asInt()).isEqualTo(3);
        assertThat(day.at("/entry/0/resource/comment").asText()).isEqualTo("closed");
    }

    @Test
    void aScheduleWithoutSessionsOrABadDateIsRefusedClearly() {
        String bare = fhir.create(FhirClient.parse("{\"resourceType\":\"Schedule\",\"actor\":[{\"display\":\"Room 9\"}]}")).path("id").asText();
        FhirClient.Response refused = fhir.post("/Schedule/" + bare + "/$generate-slots", FhirClient.parse("{\"resourceType\":\"Parameters\"}"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("no clinic-session");
        assertThat(fhir.post("/Schedule/" + schedule.path("id").asText() + "/$generate-slots?from=soon", FhirClient.parse("{\"resourceType\":\"Parameters\"}")).status()).isEqualTo(400);
    }

    private JsonNode generate() {
        FhirClient.Response response = fhir.post("/Schedule/" + schedule.path("id").asText() + "/$generate-slots?from=2027-03-22&weeks=2", FhirClient.parse("{\"resourceType\":\"Parameters\"}"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static int value(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters.path("parameter")) {
            if (name.equals(parameter.path("name").asText())) {
                return parameter.path("valueInteger").asInt();
            }
        }
        throw new AssertionError("no " + name + " in " + parameters);
    }
}
