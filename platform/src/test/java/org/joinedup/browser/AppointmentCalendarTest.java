package org.joinedup.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.joinedup.fhir.FhirClient;
import org.junit.jupiter.api.Test;

/** A GP downloads a calendar file for their patient's appointment; for a patient not in their care they are refused. */
class AppointmentCalendarTest extends BrowserPageTest {

    @Test
    void aGpGetsTheCalendarFileOfTheirPatientsAppointmentOnly() {
        String practice = fhir.get("/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|Y90001").matchIds().stream().findFirst()
                .orElseGet(() -> fhir.create(FhirClient.parse("{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":"
                        + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"Y90001\"}],\"name\":\"Demo Practice\"}")).path("id").asText());
        String mine = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Calendar\"}],"
                + "\"generalPractitioner\":[{\"reference\":\"Organization/" + practice + "\"}]}")).path("id").asText();
        String other = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Elsewhere\"}]}")).path("id").asText();
        LocalDate day = LocalDate.now().plusDays(3);
        String appointment = appointment(mine, day);
        String notMine = appointment(other, day);

        Page page = signedIn("gp.clinician");
        APIResponse file = page.request().get("/staff/appointments/" + appointment + "/calendar.ics");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().get("content-type")).startsWith("text/calendar");
        assertThat(file.text()).contains("BEGIN:VEVENT", "DTSTART:" + day.toString().replace("-", "") + "T140000Z", "SUMMARY:Diabetes review");
        assertThat(page.request().get("/staff/appointments/" + notMine + "/calendar.ics").status()).isEqualTo(403);
    }

    private String appointment(String patient, LocalDate day) {
        return fhir.create(FhirClient.parse("{\"resourceType\":\"Appointment\",\"status\":\"booked\",\"serviceType\":[{\"text\":\"Diabetes review\"}],"
                + "\"start\":\"" + day + "T14:00:00Z\",\"end\":\"" + day + "T14:20:00Z\",\"participant\":[{\"actor\":{\"reference\":\"Patient/" + patient
                + "\"},\"status\":\"accepted\"}]}")).path("id").asText();
    }
}
