package org.joinedup.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** No message goes between 20:00 and 08:00 English time: one due then waits for 08:00, in summer time and winter time alike. */
class QuietHoursTest {

    private final QuietHours quiet = new QuietHours(LocalTime.of(20, 0), LocalTime.of(8, 0), ZoneId.of("Europe/London"));

    @ParameterizedTest(name = "due {0}: sent {1}")
    @CsvSource({
            "2026-12-01T12:00:00Z, 2026-12-01T12:00:00Z",   // midday in winter: at once
            "2026-12-01T19:59:59Z, 2026-12-01T19:59:59Z",   // a second before the quiet hours
            "2026-12-01T20:00:00Z, 2026-12-02T08:00:00Z",   // evening: next morning
            "2026-12-02T03:00:00Z, 2026-12-02T08:00:00Z",   // small hours: this morning
            "2026-12-02T08:00:00Z, 2026-12-02T08:00:00Z",   // the quiet hours' end
            "2026-07-01T18:30:00Z, 2026-07-01T18:30:00Z",   // 19:30 British Summer Time: at once
            "2026-07-01T19:00:00Z, 2026-07-02T07:00:00Z",   // 20:00 BST: 08:00 BST next day
            "2026-03-29T00:30:00Z, 2026-03-29T07:00:00Z",   // the night the clocks go forward
            "2026-10-25T06:30:00Z, 2026-10-25T08:00:00Z"})  // the morning the clocks go back
    void aMessageDueInTheQuietHoursWaitsForTheirEnd(Instant due, Instant sent) {
        assertThat(quiet.nextAllowed(due)).isEqualTo(sent);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-12-01T03:00:00Z", "2026-12-01T21:00:00Z"})
    void equalStartAndEndMeanNoQuietHours(Instant due) {
        assertThat(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("Europe/London")).nextAllowed(due)).isEqualTo(due);
    }
}
