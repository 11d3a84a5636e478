package org.joinedup.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Demographic scores for pairs a matching service meets: the same person with a typing slip, a move or a swapped
 * birth date; and different people who look alike (twins, namesakes). With the default thresholds (auto-link 15,
 * review 9), only near-certain pairs link without a person deciding.
 */
class DemographicScoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELD = "SMITH|Alice|1950-03-04|female|WA1 2AB|";

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = ';', value = {
        "the same details;                  SMITH|Alice|1950-03-04|female|WA1 2AB|;     17;   link",
        "a slip in the family name;         SMYTH|Alice|1950-03-04|female|WA1 2AB|;     15;   link",
        "an apostrophe and spaces;          S'mith|Alice|1950-03-04|female|wa12ab|;     17;   link",
        "day and month swapped;             SMITH|Alice|1950-04-03|female|WA1 2AB|;     14;   review",
        "moved house;                       SMITH|Alice|1950-03-04|female|M1 1AA|;      12;   review",
        "moved within the district;         SMITH|Alice|1950-03-04|female|WA1 9ZZ|;     14.5; review",
        "no address sent;                   SMITH|Alice|1950-03-04|female||;            13;   review",
        "an initial for the given name;     SMITH|A|1950-03-04|female|WA1 2AB|;         15.5; link",
        "a twin sister;                     SMITH|Beth|1950-03-04|female|WA1 2AB|;      12;   review",
        "a twin brother;                    SMITH|Adam|1950-03-04|male|WA1 2AB|;        8;    new",
        "a namesake;                        SMITH|Alice|1987-11-30|female|L1 8JQ|;      2;    new",
        "someone else entirely;             JONES|Peter|1962-07-21|male|CH1 1AA|;       -14;  new",
        "married and moved;                 TAYLOR|Alice|1950-03-04|female|M1 1AA|;     5;    new",
    })
    void scoresPairsAsAReviewerWould(String pair, String incoming, double expected, String outcome) throws Exception {
        DemographicScore score = DemographicScore.of(patient(incoming), patient(HELD));
        assertThat(score.total()).as(String.join(", ", score.reasons())).isEqualTo(expected);
        assertThat(decision(score)).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = ';', value = {
        "the same NHS number, sent unverified; 9990000034; 23; link",
        "a different NHS number;               9990000042; 7;  new",
    })
    void anNhsNumberSentWithoutVerificationWeighsHeavily(String pair, String nhsNumber, double expected, String outcome) throws Exception {
        DemographicScore score = DemographicScore.of(patient(HELD + nhsNumber.strip()), patient(HELD + "9990000034"));
        assertThat(score.total()).as(String.join(", ", score.reasons())).isEqualTo(expected);
        assertThat(decision(score)).isEqualTo(outcome);
    }

    private static String decision(DemographicScore score) {
        return score.total() >= 15 ? "link" : score.total() >= 9 ? "review" : "new";
    }

    /** FAMILY|given|birth date|sex|postcode|NHS number */
    private static JsonNode patient(String fields) throws Exception {
        String[] f = (fields.strip() + "|").split("\\|", -1);
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + f[0] + "\",\"given\":[\"" + f[1] + "\"]}],"
                + "\"birthDate\":\"" + f[2] + "\",\"gender\":\"" + f[3] + "\"");
        if (!f[4].isBlank()) {
            json.append(",\"address\":[{\"postalCode\":\"").append(f[4]).append("\"}]");
        }
        if (!f[5].isBlank()) {
            json.append(",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"").append(f[5]).append("\"}]");
        }
        return JSON.readTree(json.append('}').toString());
    }
}
