package org.joinedup.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** NHS numbers against the published vectors in testdata/nhs-number (sources per row in the file). */
class NhsNumberTest {

    record Vector(String value, boolean valid, String note) {
    }

    static Stream<Vector> vectors() throws IOException {
        return lines("testdata/nhs-number/nhs-number-vectors.csv").stream().skip(1).map(line -> {
            String[] fields = line.split(",", 7);
            return new Vector(fields[0], Boolean.parseBoolean(fields[2].toLowerCase()), fields[6]);
        });
    }

    static Stream<String> testRange() throws IOException {
        return lines("testdata/nhs-number/uk-fci-testdata-9-valid-nhs-numbers.csv").stream().map(String::trim).filter(s -> !s.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theCheckDigitDecidesValidityAsThePublishedVectorsSay(Vector vector) {
        assertThat(NhsNumber.parse(vector.value()).isPresent()).as(vector.note()).isEqualTo(vector.valid());
    }

    @ParameterizedTest
    @MethodSource("testRange")
    void everyNumberOfThe999TestRangeIsValid(String number) {
        assertThat(NhsNumber.isValid(number)).isTrue();
    }

    @Test
    void spacesAndHyphensAreIgnoredAndTheNumberIsShownInGroups() {
        assertThat(NhsNumber.parse("943 476 5919")).contains(new NhsNumber("9434765919"));
        assertThat(NhsNumber.parse("943-476-5919").orElseThrow().formatted()).isEqualTo("943 476 5919");
    }

    @Test
    void aCheckDigitOfTenMeansTheNumberCannotExist() {
        assertThat(NhsNumber.isValid("1234567890")).isFalse();
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = NhsNumberTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
