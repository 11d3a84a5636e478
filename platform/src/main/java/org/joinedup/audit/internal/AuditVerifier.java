package org.joinedup.audit.internal;

import java.sql.Array;
import java.util.List;
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
        jdbc.query("SELECT seq, recorded, agent, organization, client_id, action, outcome, break_glass, patients, content, prev_hash, hash"
                + " FROM audit_event ORDER BY seq", rs -> {
            if (walk.broken != null) {
                return;
            }
            Array patients = rs.getArray(9);
            AuditEntry entry = new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), List.of((String[]) patients.getArray()),
                    rs.getString(10));
            walk.check(entry, rs.getString(11), rs.getString(12));
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
