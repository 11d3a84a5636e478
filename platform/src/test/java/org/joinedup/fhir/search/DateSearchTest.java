package org.joinedup.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Date parameters as FHIR R4 defines them: a value stands for the whole range its precision covers, and
 * each prefix compares the search range with the resource's range (search.html#prefix).
 */
@FhirTest
class DateSearchTest {

    @LocalServerPort
    int port;
    Tagged data;
    String tenthAtTen;
    String eleventh;
    String lateFebToMidMarch;
    String newYearInLondonFromAzores;

    @BeforeEach
    void observations() {
        data = new Tagged(new FhirClient(port));
        tenthAtTen = observation("\"effectiveDateTime\":\"2024-03-10T10:00:00Z\"");
        eleventh = observation("\"effectiveDateTime\":\"2024-03-11\"");
        lateFebToMidMarch = observation("\"effectivePeriod\":{\"start\":\"2024-02-20\",\"end\":\"2024-03-15\"}");
        newYearInLondonFromAzores = observation("\"effectiveDateTime\":\"2023-12-31T23:30:00-01:00\"");
    }

    private String observation(String effective) {
        return data.create("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"t\"}," + effective + "}");
    }

    @Test
    void equalsMeansTheResourceRangeLiesWithinTheSearchRange() {
        assertThat(data.search("Observation?date=2024-03")).containsExactlyInAnyOrder(tenthAtTen, eleventh);
        assertThat(data.search("Observation?date=2024-03-10")).containsExactly(tenthAtTen);
        assertThat(data.search("Observation?date=2024-03-10T10:00")).containsExactly(tenthAtTen);
        assertThat(data.search("Observation?date=eq2024-02")).isEmpty();
    }

    @Test
    void aYearMatchesTheWholeYearAndTimeZonesCount() {
        assertThat(data.search("Observation?date=2024"))
                .containsExactlyInAnyOrder(tenthAtTen, eleventh, lateFebToMidMarch, newYearInLondonFromAzores);
        assertThat(data.search("Observation?date=2023")).isEmpty();
    }

    @Test
    void greaterAndLessMeanTheRangesBeyondTheSearchValueOverlap() {
        assertThat(data.search("Observation?date=gt2024-03-11")).containsExactly(lateFebToMidMarch);
        assertThat(data.search("Observation?date=ge2024-03-11")).containsExactlyInAnyOrder(eleventh, lateFebToMidMarch);
        assertThat(data.search("Observation?date=lt2024-03-10")).containsExactlyInAnyOrder(lateFebToMidMarch, newYearInLondonFromAzores);
        assertThat(data.search("Observation?date=le2024-03-10"))
                .containsExactlyInAnyOrder(tenthAtTen, lateFebToMidMarch, newYearInLondonFromAzores);
    }

    @Test
    void startsAfterAndEndsBeforeExcludeOverlap() {
        assertThat(data.search("Observation?date=sa2024-03-10")).containsExactly(eleventh);
        assertThat(data.search("Observation?date=eb2024-03-10")).containsExactly(newYearInLondonFromAzores);
    }

    @Test
    void notEqualAndApproximately() {
        assertThat(data.search("Observation?date=ne2024-03-10"))
                .containsExactlyInAnyOrder(eleventh, lateFebToMidMarch, newYearInLondonFromAzores);
        assertThat(data.search("Observation?date=ap2024-03-10")).hasSize(4);
    }

    @Test
    void twoBoundsFindRangesThatOverlapTheInterval() {
        assertThat(data.search("Observation?date=ge2024-03-01&date=lt2024-03-11")).containsExactlyInAnyOrder(tenthAtTen, lateFebToMidMarch);
    }

    @Test
    void lastUpdatedIsSearchableToo() {
        assertThat(data.search("Observation?_lastUpdated=gt2020-01-01")).hasSize(4);
        assertThat(data.search("Observation?_lastUpdated=lt2020-01-01")).isEmpty();
    }
}
