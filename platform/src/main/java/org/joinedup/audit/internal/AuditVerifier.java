package org.joinedup.audit.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Walks the audit chain from its first row, recomputing each hash, and reports the first broken link. */
@Component
class AuditVerifier {

    /**
     * What a walk of the chain found.
     *
     * @param intact whether every link held
     * @param entries how many rows were checked
     * @param firstBroken the sequence number of the first row whose link does not hold, or null
     * @param reason why it does not hold, or null
     */
    record Verdict(boolean intact, long entries, Long firstBroken, String reason) {
    }

    private final JdbcTemplate jdbc;

    AuditVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Verdict verify() {
        Walk walk = new Walk();
        jdbc.query("SELECT * FROM audit_event ORDER BY seq", rs -> {
            if (walk.broken != null) {
                return;
            }
            walk.check(AuditRows.entry(rs), rs.getString("prev_hash"), rs.getString("hash"));
        });
        return walk.broken == null ? new Verdict(true, walk.entries, null, null)
                : new Verdict(false, walk.entries, walk.broken, walk.reason);
    }

    private static final class Walk {
        long entries;
        long expectedSeq = -1;
        String previous = HashChain.GENESIS;
        Long broken;
        String reason;

        void check(AuditEntry entry, String storedPrevious, String storedHash) {
            entries++;
            if (expectedSeq >= 0 && entry.seq() != expectedSeq) {
                fail(expectedSeq, "entry " + expectedSeq + " is missing");
                return;
            }
            if (!storedPrevious.equals(previous)) {
                fail(entry.seq(), "it does not follow the entry before it");
                return;
            }
            if (!HashChain.link(previous, entry).equals(storedHash)) {
                fail(entry.seq(), "its content does not match its hash");
                return;
            }
            previous = storedHash;
            expectedSeq = entry.seq() + 1;
        }

        private void fail(long seq, String why) {
            broken = seq;
            reason = why;
        }
    }
}
