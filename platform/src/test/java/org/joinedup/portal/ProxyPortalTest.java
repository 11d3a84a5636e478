package org.joinedup.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.joinedup.access.Proxies;
import org.joinedup.fhir.Eventually;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.identity.SignInFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A carer with no record of their own, named as proxy by the person they care for, sees who has used that person's
 * record in the portal, and no one else's; their views are audited as made for a family member; withdrawing the
 * consent ends it at once.
 */
class ProxyPortalTest extends FhirApiTest {

    static final String CARER_NHS = "9000000068";

    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCarerSeesOnlyTheRecordsTheyWereNamedFor() throws Exception {
        jdbc.update("INSERT INTO account (username, password_hash, kind, nhs_number, identity_level) VALUES"
                + " ('carer.proxy', '{noop}carer-pw', 'patient', ?, 'P9') ON CONFLICT DO NOTHING", CARER_NHS);
        String cared = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"Alex\"],\"family\":\"Cared\"}]}"))
                .path("id").asText();
        String stranger = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Stranger\"}]}")).path("id").asText();
        ObjectNode consent = Proxies.name(fhir, cared, CARER_NHS);
        String token = new SignInFlow(port).signIn("carer.proxy", "carer-pw", "openid patient/*.rs").path("access_token").asText();

        HttpResponse<String> theirs = get("/portal/api/record-access?patient=" + cared, token);
        assertThat(theirs.statusCode()).isEqualTo(200);
        assertThat(FhirClient.JSON.readTree(theirs.body()).isArray()).isTrue();
        assertThat(get("/portal/api/record-access", token).statusCode()).as("the only record they may see is the default").isEqualTo(200);
        assertThat(get("/portal/api/record-access?patient=" + stranger, token).statusCode()).isEqualTo(403);
        Eventually.await(() -> jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE agent = 'carer.proxy' AND patients @> ARRAY[?]::text[]"
                + " AND content LIKE '%FAMRQT%'", Integer.class, cared), n -> n >= 2);

        consent.put("status", "inactive");
        assertThat(fhir.put("/Consent/" + consent.path("id").asText(), consent).status()).isEqualTo(200);
        assertThat(get("/portal/api/record-access?patient=" + cared, token).statusCode()).as("consent withdrawn").isEqualTo(403);
    }

    @Test
    void aSignedInCarerWithNoRecordOfTheirOwnLandsOnThePersonTheyCareFor() throws Exception {
        jdbc.update("INSERT INTO account (username, password_hash, kind, nhs_number, identity_level) VALUES"
                + " ('carer.pages', '{noop}carer-pw', 'patient', '9000000076', 'P9') ON CONFLICT DO NOTHING");
        String cared = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"Jo\"],\"family\":\"Cared\"}]}"))
                .path("id").asText();
        SignInFlow browser = new SignInFlow(port);
        browser.submitLogin("carer.pages", "carer-pw");
        assertThat(browser.page("/portal").body()).as("no one has named them yet").contains("You cannot see a health record yet");

        Proxies.name(fhir, cared, "9000000076");
        HttpResponse<String> home = browser.page("/portal");
        assertThat(home.body()).contains("You are looking at the record of", "Jo Cared", "Who has used Jo Cared&#39;s record");
        assertThat(browser.page("/portal/record-access").body()).contains("Who has used Jo Cared&#39;s record", "No one has used this record yet");
    }
}
