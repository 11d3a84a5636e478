package org.joinedup.audit.internal;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks the audit chain from its first entry, recomputing each hash, and reports the first broken link; also checks
 * that each block's summary (which searches use to find it) agrees with its lines, so that no entry can be hidden
 * from searches by editing a summary.
 */
@Component
class AuditVerifier {

    /**
     * What a walk of the chain found.
     *
     * @param intact whether every link held
     * @param entries how many entries were checked
     * @param firstBroken the sequence number of the first entry whose link does not hold, or null
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
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT * FROM audit_block ORDER BY first_seq");
            statement.setFetchSize(16);
            return statement;
        }, rs -> {
            if (walk.broken == null) {
                walk.check(AuditBlocks.block(rs));
            }
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

        void check(AuditBlocks.Block block) {
            if (expectedSeq >= 0 && block.firstSeq() != expectedSeq) {
                fail(expectedSeq, "entry " + expectedSeq + " is missing");
                return;
            }
            Set<String> agents = new HashSet<>();
            Set<String> organizations = new HashSet<>();
            Set<String> patients = new HashSet<>();
            boolean breakGlass = false;
            AuditEntry first = null;
            AuditEntry entry = null;
            for (String[] line : AuditBlocks.lines(block.lines())) {
                long expected = expectedSeq >= 0 ? expectedSeq : block.firstSeq();
                try {
                    entry = AuditLines.entry(line[1]);
                } catch (IllegalArgumentException e) {
                    fail(expected, "it cannot be read");
                    return;
                }
                entries++;
                if (entry.seq() != expected) {
                    fail(expected, "entry " + expected + " is missing");
                    return;
                }
                if (!link(entry, line[1]).equals(line[0])) {
                    fail(entry.seq(), entry.content() != null && !previous.equals(AuditLines.legacyPrevious(line[1]))
                            ? "it does not follow the entry before it" : "its content does not match its hash");
                    return;
                }
                first = first == null ? entry : first;
                agents.add(entry.agent());
                if (entry.organization() != null) {
                    organizations.add(entry.organization());
                }
                patients.addAll(entry.patients());
                breakGlass |= entry.breakGlass();
                previous = line[0];
                expectedSeq = entry.seq() + 1;
            }
            if (entry == null || entry.seq() != block.lastSeq() || !previous.equals(block.lastHash()) || !first.recorded().equals(block.firstRecorded())
                    || !entry.recorded().equals(block.lastRecorded()) || !agents.equals(Set.copyOf(block.agents()))
                    || !organizations.equals(Set.copyOf(block.organizations())) || !patients.equals(Set.copyOf(block.patients()))
                    || breakGlass != block.breakGlass()) {
                fail(block.firstSeq(), "the summary of the block starting here does not match its entries");
            }
        }

        private String link(AuditEntry entry, String json) {
            return entry.content() != null ? HashChain.legacyLink(previous, entry) : HashChain.link(previous, json);
        }

        private void fail(long seq, String why) {
            broken = seq;
            reason = why;
        }
    }
}
