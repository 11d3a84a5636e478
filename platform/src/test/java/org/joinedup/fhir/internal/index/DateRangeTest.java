package org.joinedup.fhir.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    private static long micros(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    @Test
    void aYearStandsForTheWholeYear() {
        assertThat(DateRange.parse("2024")).contains(new DateRange(micros("2024-01-01T00:00:00Z"), micros("2025-01-01T00:00:00Z")));
    }

    @Test
    void aMonthAndADayStandForTheirWholeSpan() {
        assertThat(DateRange.parse("2024-02")).contains(new DateRange(micros("2024-02-01T00:00:00Z"), micros("2024-03-01T00:00:00Z")));
        assertThat(DateRange.parse("2024-02-29")).contains(new DateRange(micros("2024-02-29T00:00:00Z"), micros("2024-03-01T00:00:00Z")));
    }

    @Test
    void aTimeIsPreciseToWhatIsWrittenAndHonoursItsZone() {
        assertThat(DateRange.parse("2024-03-01T10:15:00+01:00"))
                .contains(new DateRange(micros("2024-03-01T09:15:00Z"), micros("2024-03-01T09:15:01Z")));
        assertThat(DateRange.parse("2024-03-01T10:15:00.25Z"))
                .contains(new DateRange(micros("2024-03-01T10:15:00.25Z"), micros("2024-03-01T10:15:00.26Z")));
        assertThat(DateRange.parse("2024-03-01T10:15Z"))
                .contains(new DateRange(micros("2024-03-01T10:15:00Z"), micros("2024-03-01T10:16:00Z")));
    }

    @Test
    void nonsenseIsNotADate() {
        assertThat(DateRange.parse("2024-13-01")).isEmpty();
        assertThat(DateRange.parse("yesterday")).isEmpty();
    }

    @Test
    void openEndsAreInfinite() {
        DateRange start = DateRange.parse("2024").orElseThrow();
        assertThat(DateRange.spanning(start, null).high()).isEqualTo(DateRange.POSITIVE_INFINITY);
        assertThat(DateRange.toSql(DateRange.NEGATIVE_INFINITY)).isEqualTo("-infinity");
    }
}
