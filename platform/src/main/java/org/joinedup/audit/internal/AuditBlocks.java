package org.joinedup.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit in the database: blocks of consecutive lines, one row each, with what searches need to find a block
 * (its patients, agents, organisations, times and whether any entry was under break-glass). The lines carry the
 * chain; the verifier checks that each block's summary agrees with its lines.
 */
final class AuditBlocks {

    /** The last entry in the database: its sequence number and hash (0 and the genesis hash when there is none). */
    record Head(long seq, String hash) {
    }

    /** An entry with its place in the chain: its hash and its JSON, as a line holds them. */
    record Chained(AuditEntry entry, String json, String hash) {

        String text() {
            return hash + ' ' + json + '\n';
        }
    }

    /** A block as stored. */
    record Block(long firstSeq, long lastSeq, java.time.Instant firstRecorded, java.time.Instant lastRecorded, List<String> agents,
                 List<String> organizations, List<String> patients, boolean breakGlass, String lines, String lastHash) {
    }

    private final JdbcTemplate jdbc;

    AuditBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Head head() {
        Head head = jdbc.query("SELECT last_seq, last_hash FROM audit_block ORDER BY first_seq DESC LIMIT 1",
                rs -> rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null);
        return head == null ? new Head(0, HashChain.GENESIS) : head;
    }

    /** Writes consecutive lines as one block. */
    static void insert(Connection connection, List<Chained> lines) throws SQLException {
        Set<String> agents = new LinkedHashSet<>();
        Set<String> organizations = new LinkedHashSet<>();
        Set<String> patients = new LinkedHashSet<>();
        boolean breakGlass = false;
        StringBuilder text = new StringBuilder(lines.size() * 400);
        for (Chained line : lines) {
            AuditEntry entry = line.entry();
            agents.add(entry.agent());
            if (entry.organization() != null) {
                organizations.add(entry.organization());
            }
            patients.addAll(entry.patients());
            breakGlass |= entry.breakGlass();
            text.append(line.text());
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_block (first_seq, last_seq, first_recorded, last_recorded,"
                + " agents, organizations, patients, break_glass, lines, last_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, lines.getFirst().entry().seq());
            insert.setLong(2, lines.getLast().entry().seq());
            insert.setTimestamp(3, Timestamp.from(lines.getFirst().entry().recorded()));
            insert.setTimestamp(4, Timestamp.from(lines.getLast().entry().recorded()));
            insert.setArray(5, connection.createArrayOf("text", agents.toArray()));
            insert.setArray(6, connection.createArrayOf("text", organizations.toArray()));
            insert.setArray(7, connection.createArrayOf("text", patients.toArray()));
            insert.setBoolean(8, breakGlass);
            insert.setString(9, text.toString());
            insert.setString(10, lines.getLast().hash());
            insert.executeUpdate();
        }
    }

    /** Splits a block's text into its lines: {@code [hash, json]} each. */
    static List<String[]> lines(String text) {
        List<String[]> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int space = text.indexOf(' ', start);
            lines.add(space < 0 || space > end ? new String[] {"", text.substring(start, end)}
                    : new String[] {text.substring(start, space), text.substring(space + 1, end)});
            start = end + 1;
        }
        return lines;
    }

    static Block block(java.sql.ResultSet rs) throws SQLException {
        return new Block(rs.getLong("first_seq"), rs.getLong("last_seq"), rs.getTimestamp("first_recorded").toInstant(),
                rs.getTimestamp("last_recorded").toInstant(), strings(rs.getArray("agents")), strings(rs.getArray("organizations")),
                strings(rs.getArray("patients")), rs.getBoolean("break_glass"), rs.getString("lines"), rs.getString("last_hash"));
    }

    private static List<String> strings(java.sql.Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
