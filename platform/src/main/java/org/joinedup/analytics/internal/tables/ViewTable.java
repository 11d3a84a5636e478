package org.joinedup.analytics.internal.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.joinedup.analytics.internal.ViewColumns;

/**
 * A view's table in the analytics database: its columns (FHIR types as DuckDB types: booleans, integers as BIGINT,
 * decimals as DOUBLE, everything else, dates too, as text; a collection as JSON text) and {@code _key}, the resource a
 * row came from, so that a changed resource's rows are replaced in one step.
 */
record ViewTable(String name, List<ViewColumns.Column> columns) {

    private static final ObjectMapper JSON = new ObjectMapper();

    void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + quoted(name));
            statement.execute("CREATE TABLE " + quoted(name) + " (_key VARCHAR NOT NULL, " + columns.stream()
                    .map(c -> quoted(c.name()) + " " + sqlType(c)).collect(Collectors.joining(", ")) + ")");
        }
    }

    /** The rows of these resources replaced: every old row of each key removed, then the new ones (by key) added. */
    void replace(Connection connection, Collection<String> keys, Map<String, List<Map<String, Object>>> rows) throws SQLException {
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + 1000));
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + quoted(name) + " WHERE _key IN ("
                    + slice.stream().map(k -> "?").collect(Collectors.joining(",")) + ")")) {
                for (int i = 0; i < slice.size(); i++) {
                    delete.setString(i + 1, slice.get(i));
                }
                delete.executeUpdate();
            }
        }
        append(connection, rows);
    }

    void append(Connection connection, Map<String, List<Map<String, Object>>> rows) throws SQLException {
        try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, name)) {
            for (Map.Entry<String, List<Map<String, Object>>> resource : rows.entrySet()) {
                for (Map<String, Object> row : resource.getValue()) {
                    appender.beginRow();
                    appender.append(resource.getKey());
                    for (ViewColumns.Column column : columns) {
                        value(appender, column, row.get(column.name()));
                    }
                    appender.endRow();
                }
            }
        }
    }

    private static void value(DuckDBAppender appender, ViewColumns.Column column, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (sqlType(column)) {
            case "BOOLEAN" -> appender.append(value instanceof Boolean b ? b : Boolean.valueOf(value.toString()));
            case "BIGINT" -> appender.append(value instanceof Number n ? n.longValue() : Long.parseLong(value.toString()));
            case "DOUBLE" -> appender.append(value instanceof BigDecimal d ? d.doubleValue() : Double.parseDouble(value.toString()));
            default -> appender.append(value instanceof List<?> list ? json(list) : value.toString());
        }
    }

    private static String json(List<?> list) {
        try {
            return JSON.writeValueAsString(list);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sqlType(ViewColumns.Column column) {
        if (column.collection()) {
            return "VARCHAR";
        }
        return switch (column.type()) {
            case "boolean" -> "BOOLEAN";
            case "integer", "positiveInt", "unsignedInt", "integer64" -> "BIGINT";
            case "decimal" -> "DOUBLE";
            default -> "VARCHAR";
        };
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
