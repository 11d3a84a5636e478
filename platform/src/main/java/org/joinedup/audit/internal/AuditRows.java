package org.joinedup.audit.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads audit rows back as {@link AuditEntry}s. */
final class AuditRows {

    private AuditRows() {
    }

    static AuditEntry entry(ResultSet rs) throws SQLException {
        Array patients = rs.getArray("patients");
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("recorded").toInstant(), rs.getString("agent"),
                rs.getString("agent_kind"), rs.getString("agent_role"), rs.getString("organization"), rs.getString("client_id"),
                rs.getString("action"), rs.getString("outcome"), rs.getBoolean("break_glass"), List.of((String[]) patients.getArray()),
                rs.getString("content"));
    }
}
