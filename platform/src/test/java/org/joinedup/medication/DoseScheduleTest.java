package org.joinedup.medication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each dosage of the table ({@code medication/dose-schedules.psv}, its sources noted in it) falls at its times, with its food, on its days. */
class DoseScheduleTest {

    static final DoseSchedule.Rounds ROUNDS = new DoseSchedule.Rounds(LocalTime.of(8, 0), LocalTime.of(13, 0), LocalTime.of(18, 0), LocalTime.of(22, 0));

    static Stream<Arguments> table() throws IOException {
        try (InputStream in = DoseScheduleTest.class.getResourceAsStream("/medication/dose-schedules.psv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> Arguments.of((Object[]) Arrays.stream(l.split("\\|")).map(String::strip).toArray(String[]::new))).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void aDosageFallsAtItsTimesWithItsFoodOnItsDays(String name, String dosage, String start, String times, String food, String days) throws IOException {
        LocalDate from = LocalDate.parse(start);
        DoseSchedule schedule = DoseSchedule.of(new ObjectMapper().readTree(dosage), ROUNDS, from);

        List<LocalTime> expected = times.equals("-") ? List.of() : Arrays.stream(times.split(",")).map(LocalTime::parse).toList();
        assertThat(schedule.times()).containsExactlyElementsOf(expected);
        assertThat(schedule.food()).isEqualTo(food.equals("-") ? null : food);
        for (int day = 0; day < days.length(); day++) {
            assertThat(schedule.dueOn(from.plusDays(day))).as("day %d", day).isEqualTo(days.charAt(day) == '1');
        }
        assertThat(schedule.problem() != null).isEqualTo(!schedule.asNeeded() && expected.isEmpty());
    }
}
