package org.joinedup.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An audit line is one line of JSON whatever an entry holds, and reads back as the entry it was written from. */
class AuditLinesTest {

    @Test
    void anEntryReadsBackAsItWasWritten() {
        AuditEntry entry = new AuditEntry(42, Instant.parse("2026-11-26T10:15:30.123456Z"), "dr \"quoted\" \\ smith", "staff", "clinician", "RYY",
                "app", "read", "200", true, "ETREAT", "GET /Patient/p1?name=a\nb", "line one\tline two\u2028", List.of("p1", "p2"),
                List.of("Patient/p1"), null);
        String json = AuditLines.json(entry);
        assertThat(json).doesNotContain("\n").doesNotContain("\u2028").startsWith("{\"seq\":42,");
        assertThat(AuditLines.entry(json)).isEqualTo(entry);
    }

    @Test
    void emptyAndMissingPartsAreLeftOut() {
        AuditEntry entry = new AuditEntry(1, Instant.parse("2026-11-26T10:15:30Z"), "someone", "patient", null, null, null, "search", "200", false, null,
                "GET /Observation", null, List.of(), List.of(), null);
        String json = AuditLines.json(entry);
        assertThat(json).doesNotContain("role", "org", "client", "bg", "purpose", "detail", "resources");
        assertThat(AuditLines.entry(json)).isEqualTo(entry);
    }

    @Test
    void eachLinkCoversThePreviousHashAndTheLineExactly() {
        String first = HashChain.link(HashChain.GENESIS, "{\"seq\":1}");
        assertThat(first).hasSize(64).isNotEqualTo(HashChain.link(HashChain.GENESIS, "{\"seq\":1} "));
        assertThat(HashChain.link(first, "{\"seq\":2}")).isNotEqualTo(HashChain.link(HashChain.GENESIS, "{\"seq\":2}"));
    }
}
