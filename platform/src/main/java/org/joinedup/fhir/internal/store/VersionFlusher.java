package org.joinedup.fhir.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a batch of versions on the current transaction's connection: checks that every local reference
 * points at a resource that exists (or is written in the same batch), assigns keys to new resources, and
 * hands the rows to {@link VersionWriter}.
 */
public final class VersionFlusher {

    private final DataSource dataSource;
    private final ResourceDao dao;
    private final ReferenceIntegrity integrity;
    private final RelationshipWriter relationships;

    public VersionFlusher(DataSource dataSource, ResourceDao dao, ReferenceIntegrity integrity, RelationshipWriter relationships) {
        this.dataSource = dataSource;
        this.dao = dao;
        this.integrity = integrity;
        this.relationships = relationships;
    }

    List<NewVersion> write(List<NewVersion> pending, Set<String> writtenInTransaction) {
        integrity.check(pending, writtenInTransaction);
        int needKeys = (int) pending.stream().filter(v -> v.pk() == 0).count();
        long[] keys = needKeys == 0 ? new long[0] : dao.allocatePks(needKeys);
        List<NewVersion> ready = new ArrayList<>(pending.size());
        int next = 0;
        for (NewVersion version : pending) {
            ready.add(version.pk() != 0 ? version : version.withPk(keys[next++]));
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            VersionWriter.write(connection, ready);
            relationships.write(connection, ready);
        } catch (SQLException e) {
            throw new UncategorizedSQLException("write resource versions", null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return ready;
    }
}
