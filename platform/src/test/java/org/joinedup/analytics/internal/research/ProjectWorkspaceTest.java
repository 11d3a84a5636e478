package org.joinedup.analytics.internal.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.joinedup.analytics.internal.ViewColumns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's workspace: pseudonyms are HMAC-SHA256 with the project's key (checked against the JDK's), the same
 * person has the same pseudonym in every table of a project and another in another project; dates of birth become
 * month and year, postcodes their district, names go; people without national data opt-out clearance, or with a GP
 * type 1 objection still in force, are left out; and the workspace reads no files once made.
 */
class ProjectWorkspaceTest {

    static final byte[] KEY = "project-one-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path parquet;

    @BeforeEach
    void viewsWrittenAsParquet() throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            sql.execute("CREATE TABLE patient AS SELECT * FROM (VALUES"
                    + " ('p1', '9434765919', 'female', '1948-05-02', 'LA1 4RP', 'P81001', false, 'Smith'),"
                    + " ('p2', '9000000009', 'male', '1950-11-30', 'BB2 1AA', 'P81001', false, 'Jones'),"  // not cleared: opted out
                    + " ('p3', '9434765870', 'male', '1939-01-15', 'LA14RP', 'P81002', false, 'Brown'),"   // type 1 objection
                    + " ('p4', '9449306052', 'female', '1960-07-07', 'CA12AB', 'P81002', false, 'Green')" // objection withdrawn
                    + ") t(id, nhs_number, gender, birth_date, postcode, practice, deceased, family)");
            sql.execute("CREATE TABLE condition AS SELECT * FROM (VALUES ('c1', 'p1', 'active', 'confirmed', '2021', '2021', '84114007', 'Heart failure'),"
                    + " ('c2', 'p2', 'active', 'confirmed', '2020', '2020', '84114007', 'Heart failure')) t(id, patient, clinical_status,"
                    + " verification_status, onset, recorded, code, display)");
            sql.execute("CREATE TABLE observation AS SELECT * FROM (VALUES"
                    + " ('o1', 'p3', 'final', '2024-01-01', NULL::DOUBLE, NULL, NULL, 'http://snomed.info/sct', '" + ProjectWorkspace.TYPE_1_DISSENT + "'),"
                    + " ('o2', 'p4', 'final', '2023-01-01', NULL::DOUBLE, NULL, NULL, 'http://snomed.info/sct', '" + ProjectWorkspace.TYPE_1_DISSENT + "'),"
                    + " ('o3', 'p4', 'final', '2024-06-01', NULL::DOUBLE, NULL, NULL, 'http://snomed.info/sct', '" + ProjectWorkspace.TYPE_1_WITHDRAWN + "')"
                    + ") t(id, patient, status, effective, value, unit, device, system, code)");
            for (String view : List.of("patient", "condition", "observation")) {
                sql.execute("COPY " + view + " TO '" + parquet.resolve(view + ".parquet") + "' (FORMAT parquet)");
            }
        }
    }

    @Test
    void aPseudonymIsTheHmacOfTheValueWithTheProjectsKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("9434765919".getBytes(StandardCharsets.UTF_8)));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement();
             ResultSet row = sql.executeQuery("SELECT " + new Pseudonymisation(KEY, "month", "district").pseudonym("'9434765919'"))) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(expected);
        }
    }

    @Test
    void thePeopleLeftInArePseudonymisedTheSameAcrossTablesAndDifferentlyAcrossProjects() throws Exception {
        try (ProjectWorkspace one = workspace(KEY); ProjectWorkspace two = workspace("another-project".getBytes(StandardCharsets.UTF_8))) {
            List<List<String>> patients = rows(one, "SELECT id, nhs_number, birth_date, postcode, practice FROM patient ORDER BY birth_date");
            assertThat(patients).hasSize(2); // p2 opted out, p3's type 1 objection stands, p4 withdrew hers
            assertThat(patients.get(0).subList(2, 5)).containsExactly("1948-05", "LA1", "P81001");
            assertThat(patients.get(1).subList(2, 5)).containsExactly("1960-07", "CA1", "P81002");
            assertThat(patients.get(0).get(0)).hasSize(64).isNotEqualTo("p1");
            assertThat(patients.get(0).get(1)).hasSize(64).isNotEqualTo("9434765919");
            assertThat(rows(one, "SELECT patient FROM condition")).containsExactly(List.of(patients.get(0).get(0)));
            assertThat(rows(two, "SELECT id FROM patient")).doesNotContain(List.of(patients.get(0).get(0)));
            assertThatThrownBy(() -> rows(one, "SELECT family FROM patient")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aWorkspaceReadsNoFilesAndItsSettingsCannotBeChanged() throws Exception {
        try (ProjectWorkspace one = workspace(KEY)) {
            assertThatThrownBy(() -> rows(one, "SELECT * FROM read_parquet('" + parquet.resolve("patient.parquet") + "')")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> {
                try (Statement sql = one.connection().createStatement()) {
                    sql.execute("SET enable_external_access = true");
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("locked");
        }
    }

    @Test
    void theOptOutFileIsReadAsTheCheckingServiceReturnsItAndRefusedOnceTooOld() throws Exception {
        Path file = parquet.resolve("returned.dat");
        Files.writeString(file, "9434765919,\n9449306052,\n1234567890,\n9434765870,\n");
        Clock now = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        ClearedNhsNumbers cleared = new ClearedNhsNumbers(file, Duration.ofDays(30), now);
        assertThat(cleared.current()).containsExactly(9434765870L, 9434765919L, 9449306052L);
        assertThat(cleared.rejected()).isEqualTo(1);

        ClearedNhsNumbers later = new ClearedNhsNumbers(file, Duration.ofDays(30), Clock.offset(now, Duration.ofDays(31)));
        assertThatThrownBy(later::current).isInstanceOf(ClearedNhsNumbers.Unavailable.class).hasMessageContaining("older than 30 days");
        assertThatThrownBy(() -> new ClearedNhsNumbers(null, Duration.ofDays(30), now).current()).hasMessageContaining("joinedup.analytics.opt-out-file");
    }

    private ProjectWorkspace workspace(byte[] key) throws Exception {
        List<ProjectWorkspace.ProjectView> views = List.of(view("patient", "Patient"), view("condition", "Condition"));
        return ProjectWorkspace.open(parquet, views, new Pseudonymisation(key, "month", "district"), new long[] {9434765870L, 9434765919L, 9449306052L});
    }

    private static ProjectWorkspace.ProjectView view(String name, String resource) throws Exception {
        try (InputStream in = ProjectWorkspaceTest.class.getResourceAsStream("/analytics/views/" + name + ".json")) {
            return new ProjectWorkspace.ProjectView(name, resource, ViewColumns.of(new ObjectMapper().readTree(in)));
        }
    }

    private static List<List<String>> rows(ProjectWorkspace workspace, String query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement sql = workspace.connection().createStatement(); ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    row.add(result.getString(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
