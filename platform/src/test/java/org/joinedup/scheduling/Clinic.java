package org.joinedup.scheduling;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.joinedup.fhir.FhirClient;

/** A test clinic: a service of its own, at a Location, with Slots made where a test wants them. */
public final class Clinic {

    public final FhirClient fhir;
    public final String service = "clinic-" + UUID.randomUUID();
    public final String location;
    public final String schedule;

    public Clinic(FhirClient fhir, String place) {
        this.fhir = fhir;
        location = "Location/" + fhir.create(FhirClient.parse("{\"resourceType\":\"Location\",\"name\":\"" + place + "\"}")).path("id").asText();
        schedule = fhir.create(FhirClient.parse("{\"resourceType\":\"Schedule\",\"active\":true,\"serviceType\":[" + serviceType() + "],"
                + "\"actor\":[{\"reference\":\"" + location + "\"}]}")).path("id").asText();
    }

    public String serviceType() {
        return "{\"coding\":[{\"system\":\"urn:test:service\",\"code\":\"" + service + "\"}]}";
    }

    /** A free slot of fifteen minutes starting that long from now; its id. */
    public String slotIn(long amount, ChronoUnit unit) {
        Instant start = Instant.now().plus(amount, unit).truncatedTo(ChronoUnit.MINUTES);
        return fhir.create(FhirClient.parse("{\"resourceType\":\"Slot\",\"schedule\":{\"reference\":\"Schedule/" + schedule + "\"},\"serviceType\":["
                + serviceType() + "],\"status\":\"free\",\"start\":\"" + start + "\",\"end\":\"" + start.plus(15, ChronoUnit.MINUTES) + "\"}")).path("id").asText();
    }

    public String patient(String family, String telecomJson) {
        return fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\",\"given\":[\"Sam\"]}]"
                + (telecomJson == null ? "" : ",\"telecom\":" + telecomJson) + "}")).path("id").asText();
    }

    public FhirClient.Response book(FhirClient as, String slot, String patientId) {
        return as.post("/Appointment/$book", FhirClient.parse("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"slot\",\"valueReference\":"
                + "{\"reference\":\"Slot/" + slot + "\"}},{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/" + patientId + "\"}}]}"));
    }

    public FhirClient.Response reschedule(FhirClient as, String appointment, String slot) {
        return as.post("/Appointment/" + appointment + "/$reschedule", FhirClient.parse("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"slot\","
                + "\"valueReference\":{\"reference\":\"Slot/" + slot + "\"}}]}"));
    }

    public FhirClient.Response cancel(FhirClient as, String appointment) {
        return as.post("/Appointment/" + appointment + "/$cancel", FhirClient.parse("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"reason\","
                + "\"valueString\":\"Feeling better\"}]}"));
    }

    public FhirClient.Response mark(FhirClient as, String appointment, String operation) {
        return as.post("/Appointment/" + appointment + "/$" + operation, FhirClient.parse("{\"resourceType\":\"Parameters\"}"));
    }
}
