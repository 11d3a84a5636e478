package org.joinedup.analytics.internal.tables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the analytics database holds, kept in it beside the tables (so they change together): each view's definition
 * hash, and how far the tables have followed the store's changes.
 */
final class ViewState {

    private ViewState() {
    }

    static void prepare(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS _view_state (name VARCHAR PRIMARY KEY, hash VARCHAR NOT NULL, built VARCHAR NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS _follow_state (id INTEGER PRIMARY KEY, cursor VARCHAR NOT NULL)");
        }
    }

    static Map<String, String> hashes(Connection connection) throws SQLException {
        Map<String, String> hashes = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT name, hash FROM _view_state")) {
            while (rows.next()) {
                hashes.put(rows.getString(1), rows.getString(2));
            }
        }
        return hashes;
    }

    static void built(Connection connection, String name, String hash) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT OR REPLACE INTO _view_state VALUES (?, ?, ?)")) {
            statement.setString(1, name);
            statement.setString(2, hash);
            statement.setString(3, Instant.now().toString());
            statement.executeUpdate();
        }
    }

    static Instant cursor(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT cursor FROM _follow_state WHERE id = 1")) {
            return rows.next() ? Instant.parse(rows.getString(1)) : null;
        }
    }

    static void cursor(Connection connection, Instant cursor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT OR REPLACE INTO _follow_state VALUES (1, ?)")) {
            statement.setString(1, cursor.toString());
            statement.executeUpdate();
        }
    }
}
