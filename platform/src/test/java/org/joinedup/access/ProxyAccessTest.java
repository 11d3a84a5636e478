package org.joinedup.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.fhir.FhirClient;
import org.joinedup.identity.SignInFlow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A parent (a RelatedPerson with their own NHS number) sees their child's record while the child's consent
 * naming them stands, and no other child's; withdrawing the consent ends it at once.
 */
class ProxyAccessTest extends FhirApiTest {

    static final String PARENT_NHS = "9000000041";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aParentSeesTheChildWhoGaveConsentAndNoOther() throws Exception {
        jdbc.update("INSERT INTO account (username, password_hash, kind, nhs_number, identity_level) VALUES"
                + " ('parent.proxy', '{noop}parent-pw', 'patient', ?, 'P9') ON CONFLICT DO NOTHING", PARENT_NHS);
        String child = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Child\"}]}")).path("id").asText();
        String otherChild = fhir.create(FhirClient.parse("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Other\"}]}")).path("id").asText();
        ObjectNode consent = Proxies.name(fhir, child, PARENT_NHS);

        FhirClient asParent = fhir.as(new SignInFlow(port).signIn("parent.proxy", "parent-pw", "openid patient/*.rs")
                .path("access_token").asText());
        assertThat(asParent.get("/Patient/" + child).status()).isEqualTo(200);
        assertThat(asParent.get("/Patient/" + otherChild).status()).isEqualTo(404);

        consent.put("status", "inactive");
        assertThat(fhir.put("/Consent/" + consent.path("id").asText(), consent).status()).isEqualTo(200);
        assertThat(asParent.get("/Patient/" + child).status()).as("consent withdrawn").isEqualTo(404);
    }
}
