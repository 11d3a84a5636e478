package org.joinedup.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirInteraction;
import org.junit.jupiter.api.Test;

/**
 * A thread that is interrupted while it journals an access (a background job being stopped) neither loses that
 * entry nor closes the journal for every other thread (a file channel is closed when a thread writing to it is
 * interrupted); it keeps its interrupt.
 */
class AuditJournalInterruptTest {

    @Test
    void anInterruptedWriterJournalsItsEntryAndTheJournalStaysOpenForOthers() throws Exception {
        Path directory = Files.createTempDirectory("journal-interrupt");
        AuditJournal journal = new AuditJournal(directory, 0);
        try {
            Thread.currentThread().interrupt();
            journal.append(entry("interrupted"), line("interrupted"));
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();

            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    journal.append(entry("other"), line("other"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            other.join();
            journal.append(entry("after"), line("after"));
            journal.force();

            String written;
            try (var segments = Files.list(directory)) {
                written = Files.readString(segments.findFirst().orElseThrow(), StandardCharsets.UTF_8);
            }
            assertThat(written).contains("\"interrupted\"").contains("\"other\"").contains("\"after\"");
        } finally {
            journal.close();
        }
    }

    private static String line(String who) {
        String json = AuditLines.json(entry(who));
        return json.substring(json.indexOf(','));
    }

    private static AuditEntry entry(String who) {
        return AuditWriter.unnumbered(new FhirInteraction(new FhirAgent(who, "staff", "clinician", "RYY", "app", "TREAT", Set.of()),
                Instant.now(), "GET", "/Patient/x", "read", 200, List.of(new FhirInteraction.Disclosed(1, "Patient", "x", List.of("x"))), null));
    }
}
