package org.joinedup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.access.MintedTokens;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.identity.SignInFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * On the demo's first start the region is in the store, and the demo accounts find what they should: the GP sees
 * the practice's registered patients, the hospital clinician the patients on a ward, the patient their record.
 * (Its own database, with a small region.)
 */
@TestPropertySource(properties = {"spring.application.name=joinedup-demo-region", "joinedup.demo.region.load=true",
        "joinedup.demo.region.patients=120", "joinedup.demo.region.date=2026-11-26"})
class DemoRegionLoadTest extends FhirApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoAccountsFindTheirPatients() throws Exception {
        assertThat(fhir.get("/Patient?_summary=count").json().path("total").asInt()).isEqualTo(120);
        assertThat(fhir.get("/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|Y90001").matchIds()).containsExactly("org-Y90001");
        MintedTokens minted = new MintedTokens(jdbc);

        FhirClient gp = fhir.as(minted.staff("gp.clinician", "clinician", "Y90001", "Practitioner/demo-gp", "user/*.rs"));
        int registered = gp.get("/Patient?_summary=count").json().path("total").asInt();
        assertThat(registered).as("the demo practice's own patients, not the whole region").isBetween(2, 119);
        assertThat(gp.get("/Patient/demo-patient-1").status()).isEqualTo(200);

        FhirClient consultant = fhir.as(minted.staff("hospital.clinician", "clinician", "RYY", "Practitioner/demo-consultant", "user/*.rs"));
        assertThat(consultant.get("/Patient/demo-patient-1").status()).as("on a ward at the trust").isEqualTo(200);
        assertThat(consultant.get("/Condition?patient=demo-patient-1").matchIds()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(org.joinedup.fhir.Eventually.await(() -> consultant.get("/Observation?patient=demo-patient-1&code=http://snomed.info/sct|1104051000000101")
                .matchIds(), ids -> !ids.isEmpty())).as("the ward's observations scored by NEWS2").hasSize(1);

        String patientToken = new SignInFlow(port).signIn("patient", "demo-password", "openid patient/*.rs").path("access_token").asText();
        FhirClient patient = fhir.as(patientToken);
        assertThat(patient.get("/Patient/demo-patient-1").json().at("/identifier/0/value").asText()).isEqualTo("9990000018");
        assertThat(patient.get("/Patient?_summary=count").json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void theTrustsClinicsHaveFreeSlotsAndItsWaitingListHasPatients() {
        FhirClient.Response free = fhir.get("/Appointment/$find?service-type=https://fhir.nhs.uk/CodeSystem/NHSDataModelAndDictionary-treatment-function|320");
        assertThat(free.matchIds()).as("Cardiology's free slots").hasSize(10);
        assertThat(fhir.get("/ServiceRequest?category=https://fhir.joinedup.nhs.uk/CodeSystem/waiting-list|outpatient,"
                + "https://fhir.joinedup.nhs.uk/CodeSystem/waiting-list|surgery&_summary=count").json().path("total").asInt()).isPositive();
    }

    @Test
    void theTrustRunsAVirtualWardCareHomeResidentsHaveFallsLampsAndSomePeopleAtHomeDispensers() {
        assertThat(fhir.get("/Encounter?location=Location/virtual-ward-respiratory&status=in-progress&class=VR").matchIds()).isNotEmpty();
        assertThat(fhir.get("/CarePlan?encounter.class=VR&_summary=count").json().path("total").asInt()).isPositive();
        assertThat(fhir.get("/Device?device-name=Falls%20lamp&_summary=count").json().path("total").asInt()).as("falls lamps at the homes").isPositive();
        assertThat(fhir.get("/Device?device-name=Medication%20dispenser&_summary=count").json().path("total").asInt()).as("dispensers").isPositive();
        assertThat(fhir.get("/MedicationAdministration?_summary=count").json().path("total").asInt()).as("the last week's doses").isPositive();
    }
}
