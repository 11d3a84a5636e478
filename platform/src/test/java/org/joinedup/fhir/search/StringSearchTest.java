package org.joinedup.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** String parameters: starts-with, case and accent insensitive by default; :exact; :contains; :missing. */
@FhirTest
class StringSearchTest {

    @LocalServerPort
    int port;
    Tagged data;
    String zoe;
    String bjorn;
    String nameless;

    @BeforeEach
    void patients() {
        data = new Tagged(new FhirClient(port));
        zoe = data.create("""
                {"resourceType":"Patient","name":[{"family":"Smith-Jones","given":["Zoë","Anne"]}],
                 "address":[{"line":["1 High Street"],"city":"Leeds","postalCode":"LS1 4AP"}]}""");
        bjorn = data.create("""
                {"resourceType":"Patient","name":[{"family":"Smithers","given":["Björn"]}],"address":[{"city":"York"}]}""");
        nameless = data.create("{\"resourceType\":\"Patient\",\"gender\":\"unknown\"}");
    }

    @Test
    void matchesTheStartOfAnyPartIgnoringCaseAndAccents() {
        assertThat(data.search("Patient?name=zoe")).containsExactly(zoe);
        assertThat(data.search("Patient?name=ZO")).containsExactly(zoe);
        assertThat(data.search("Patient?given=bjorn")).containsExactly(bjorn);
        assertThat(data.search("Patient?family=smith")).containsExactlyInAnyOrder(zoe, bjorn);
        assertThat(data.search("Patient?name=anne")).containsExactly(zoe);
        assertThat(data.search("Patient?name=nne")).isEmpty();
    }

    @Test
    void exactMatchesTheWholeValueAsWritten() {
        assertThat(data.search("Patient?family:exact=Smith-Jones")).containsExactly(zoe);
        assertThat(data.search("Patient?family:exact=smith-jones")).isEmpty();
        assertThat(data.search("Patient?given:exact=Zoë")).containsExactly(zoe);
        assertThat(data.search("Patient?family:exact=Smith")).isEmpty();
    }

    @Test
    void containsMatchesAnywhere() {
        assertThat(data.search("Patient?family:contains=ITH")).containsExactlyInAnyOrder(zoe, bjorn);
        assertThat(data.search("Patient?family:contains=jon")).containsExactly(zoe);
    }

    @Test
    void addressPartsAreSearchable() {
        assertThat(data.search("Patient?address=1 high")).containsExactly(zoe);
        assertThat(data.search("Patient?address=leeds")).containsExactly(zoe);
        assertThat(data.search("Patient?address-city=york")).containsExactly(bjorn);
        assertThat(data.search("Patient?address-postalcode=LS1")).containsExactly(zoe);
    }

    @Test
    void commaMeansOrAndRepeatingMeansAnd() {
        assertThat(data.search("Patient?given=zoe,bjorn")).containsExactlyInAnyOrder(zoe, bjorn);
        assertThat(data.search("Patient?family=smith&given=zoe")).containsExactly(zoe);
        assertThat(data.search("Patient?family=smith&given=nobody")).isEmpty();
    }

    @Test
    void missingFindsResourcesWithoutAnyValue() {
        assertThat(data.search("Patient?name:missing=true")).containsExactly(nameless);
        assertThat(data.search("Patient?name:missing=false")).containsExactlyInAnyOrder(zoe, bjorn);
    }

    @Test
    void escapedCommasAreLiteral() {
        String comma = data.create("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Doe, Jr\"}]}");
        assertThat(data.search("Patient?family=doe\\, jr")).containsExactly(comma);
    }
}
