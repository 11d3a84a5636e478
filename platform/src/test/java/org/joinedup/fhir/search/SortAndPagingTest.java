package org.joinedup.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** _sort on several keys, keyset paging with next and previous links that stay right while others write, and totals. */
@FhirTest
class SortAndPagingTest {

    @LocalServerPort
    int port;
    Tagged data;
    String patient;
    List<String> byDate = new ArrayList<>();

    @BeforeEach
    void observations() {
        data = new Tagged(new FhirClient(port));
        patient = data.create("{\"resourceType\":\"Patient\"}");
        for (int day = 1; day <= 7; day++) {
            byDate.add(observation("2024-05-0" + day, day % 2 == 0 ? "final" : "amended"));
        }
    }

    private String observation(String date, String status) {
        return data.create("""
                {"resourceType":"Observation","status":"%s","code":{"text":"s"},"subject":{"reference":"Patient/%s"},
                 "effectiveDateTime":"%s"}""".formatted(status, patient, date));
    }

    @Test
    void sortsAscendingAndDescending() {
        assertThat(data.search("Observation?patient=" + patient + "&_sort=date")).isEqualTo(byDate);
        assertThat(data.search("Observation?patient=" + patient + "&_sort=-date")).isEqualTo(byDate.reversed());
    }

    @Test
    void sortsOnSeveralKeysInOrder() {
        List<String> amendedFirst = new ArrayList<>();
        for (int i = 6; i >= 0; i -= 2) {
            amendedFirst.add(byDate.get(i));
        }
        for (int i = 5; i >= 0; i -= 2) {
            amendedFirst.add(byDate.get(i));
        }
        assertThat(data.search("Observation?patient=" + patient + "&_sort=status,-date")).isEqualTo(amendedFirst);
    }

    @Test
    void resourcesWithoutTheSortValueComeLast() {
        String undated = data.create("""
                {"resourceType":"Observation","status":"final","code":{"text":"s"},"subject":{"reference":"Patient/%s"}}""".formatted(patient));

        assertThat(data.search("Observation?patient=" + patient + "&_sort=-date").getLast()).isEqualTo(undated);
        assertThat(data.search("Observation?patient=" + patient + "&_sort=date").getLast()).isEqualTo(undated);
        FhirClient.Response lastPage = data.response("Observation?patient=" + patient + "&_sort=-date&_count=4");
        lastPage = data.fhir.get(lastPage.link("next"));
        assertThat(lastPage.matchIds()).containsExactly(byDate.get(2), byDate.get(1), byDate.get(0), undated);
        assertThat(data.fhir.get(lastPage.link("previous")).matchIds()).isEqualTo(byDate.reversed().subList(0, 4));
    }

    @Test
    void aResourceWithSeveralDatesSortsOnceByItsLatestWhenNewestFirstAndWithinABoundByItsLatestThere() {
        String janAndJune = data.create("""
                {"resourceType":"ServiceRequest","status":"active","intent":"order","subject":{"reference":"Patient/%s"},
                 "occurrenceTiming":{"event":["2024-01-01","2024-06-01"]}}""".formatted(patient));
        String march = data.create("""
                {"resourceType":"ServiceRequest","status":"active","intent":"order","subject":{"reference":"Patient/%s"},
                 "occurrenceDateTime":"2024-03-01"}""".formatted(patient));

        assertThat(data.search("ServiceRequest?patient=" + patient + "&_sort=-occurrence")).containsExactly(janAndJune, march);
        assertThat(data.search("ServiceRequest?patient=" + patient + "&_sort=occurrence")).containsExactly(janAndJune, march);
        assertThat(data.search("ServiceRequest?patient=" + patient + "&_sort=-occurrence&occurrence=le2024-04-01")).containsExactly(march, janAndJune);
        assertThat(data.search("ServiceRequest?patient=" + patient + "&_sort=-occurrence&occurrence=ge2024-05-01")).containsExactly(janAndJune);
    }

    @Test
    void newestFirstWithinDateBoundsStartsAndStopsAtTheBounds() {
        assertThat(data.search("Observation?patient=" + patient + "&_sort=-date&date=le2024-05-04")).isEqualTo(byDate.subList(0, 4).reversed());
        assertThat(data.search("Observation?patient=" + patient + "&_sort=-date&date=lt2024-05-04&date=ge2024-05-02"))
                .isEqualTo(byDate.subList(1, 3).reversed());
        assertThat(data.search("Observation?patient=" + patient + "&_sort=-date&date=le2024-05-02,ge2024-05-06&status=final"))
                .containsExactly(byDate.get(5), byDate.get(1));
        FhirClient.Response first = data.response("Observation?patient=" + patient + "&_sort=-date&date=le2024-05-06&_count=2");
        assertThat(data.fhir.get(first.link("next")).matchIds()).isEqualTo(byDate.subList(2, 4).reversed());
    }

    @Test
    void newestFirstOfOnlyTheDatedLeavesOutThoseWithoutTheDate() {
        data.create("""
                {"resourceType":"Observation","status":"final","code":{"text":"s"},"subject":{"reference":"Patient/%s"}}""".formatted(patient));

        assertThat(data.search("Observation?patient=" + patient + "&_sort=-date&date:missing=false")).isEqualTo(byDate.reversed());
        assertThat(data.search("Observation?patient=" + patient + "&_sort=-date&date=le2030")).isEqualTo(byDate.reversed());
        assertThat(data.search("Observation?patient=" + patient + "&_sort=-date&date:missing=false&status=final"))
                .containsExactly(byDate.get(5), byDate.get(3), byDate.get(1));
    }

    @Test
    void nextAndPreviousLinksWalkThePages() {
        FhirClient.Response first = data.response("Observation?patient=" + patient + "&_sort=-date&_count=3");
        FhirClient.Response second = data.fhir.get(first.link("next"));
        FhirClient.Response third = data.fhir.get(second.link("next"));
        FhirClient.Response backToSecond = data.fhir.get(third.link("previous"));
        FhirClient.Response backToFirst = data.fhir.get(backToSecond.link("previous"));

        assertThat(first.matchIds()).isEqualTo(byDate.reversed().subList(0, 3));
        assertThat(first.link("previous")).isNull();
        assertThat(second.matchIds()).isEqualTo(byDate.reversed().subList(3, 6));
        assertThat(third.matchIds()).isEqualTo(byDate.reversed().subList(6, 7));
        assertThat(third.link("next")).isNull();
        assertThat(backToSecond.matchIds()).isEqualTo(second.matchIds());
        assertThat(backToFirst.matchIds()).isEqualTo(first.matchIds());
        assertThat(backToFirst.link("previous")).isNull();
    }

    @Test
    void pagesStayRightWhileOthersWrite() {
        FhirClient.Response first = data.response("Observation?patient=" + patient + "&_sort=date&_count=3");
        observation("2024-04-01", "final");
        observation("2024-05-02", "final");

        FhirClient.Response second = data.fhir.get(first.link("next"));

        assertThat(first.matchIds()).isEqualTo(byDate.subList(0, 3));
        assertThat(second.matchIds().getFirst()).isEqualTo(byDate.get(3));
    }

    @Test
    void defaultOrderPagesByInsertion() {
        FhirClient.Response first = data.response("Observation?patient=" + patient + "&_count=4");
        FhirClient.Response second = data.fhir.get(first.link("next"));

        List<String> all = new ArrayList<>(first.matchIds());
        all.addAll(second.matchIds());
        assertThat(all).isEqualTo(byDate);
    }

    @Test
    void sortsByIdAndLastUpdated() {
        List<String> sortedIds = new ArrayList<>(byDate);
        sortedIds.sort(String::compareTo);
        assertThat(data.search("Observation?patient=" + patient + "&_sort=_id")).isEqualTo(sortedIds);
        assertThat(data.search("Observation?patient=" + patient + "&_sort=-_lastUpdated").getFirst()).isEqualTo(byDate.getLast());
    }

    @Test
    void totalIsCountedWhenAskedAndSummaryCountReturnsOnlyIt() {
        FhirClient.Response accurate = data.response("Observation?patient=" + patient + "&_count=2&_total=accurate");
        FhirClient.Response none = data.response("Observation?patient=" + patient + "&_count=2&_total=none");
        FhirClient.Response count = data.response("Observation?patient=" + patient + "&_summary=count");

        assertThat(accurate.json().path("total").asInt()).isEqualTo(7);
        assertThat(accurate.matchIds()).hasSize(2);
        assertThat(none.json().has("total")).isFalse();
        assertThat(count.json().path("total").asInt()).isEqualTo(7);
        assertThat(count.json().path("entry").isMissingNode() || count.json().path("entry").isEmpty()).isTrue();
    }

    @Test
    void searchByPostGivesTheSameResultAsByGet() {
        FhirClient.Response posted = data.fhir.send("POST", "/Observation/_search", "application/x-www-form-urlencoded",
                ("patient=" + patient + "&_sort=date&_tag=urn:test|" + data.tag).getBytes());

        assertThat(posted.matchIds()).isEqualTo(byDate);
    }
}
