package org.joinedup.ingest.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The review queue ({@code patient_match_review}): pairs of records that may be one person, waiting for a decision. */
@Component
class MatchReviews {

    /** A pair to review; status open, merged or kept-apart. */
    record Review(long id, String created, String newPatient, String candidate, double score, String reasons, String source, String status,
                  String decidedBy, String decidedAt, Long mergeId) {
    }

    private final JdbcTemplate jdbc;

    MatchReviews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long add(String newPatient, String candidate, DemographicScore score, String source) {
        return jdbc.queryForObject("INSERT INTO patient_match_review (new_patient, candidate, score, reasons, source) VALUES (?, ?, ?, ?, ?) RETURNING id",
                Long.class, newPatient, candidate, score.total(), String.join("; ", score.reasons()), source);
    }

    List<Review> open(int limit) {
        return jdbc.query("SELECT * FROM patient_match_review WHERE status = 'open' ORDER BY id LIMIT ?", (rs, i) -> review(rs), limit);
    }

    Optional<Review> find(long id) {
        return jdbc.query("SELECT * FROM patient_match_review WHERE id = ?", (rs, i) -> review(rs), id).stream().findFirst();
    }

    /** Records the decision, unless the review was already decided; whether it was recorded. */
    boolean decide(long id, String status, String by, Long mergeId) {
        return jdbc.update("UPDATE patient_match_review SET status = ?, decided_by = ?, decided_at = now(), merge_id = ? WHERE id = ? AND status = 'open'",
                status, by, mergeId, id) == 1;
    }

    /** Closes the open reviews of a pair that has been merged, by whatever route. */
    void closeMerged(String survivor, String merged, String by, long mergeId) {
        jdbc.update("UPDATE patient_match_review SET status = 'merged', decided_by = ?, decided_at = now(), merge_id = ? WHERE status = 'open'"
                + " AND ((new_patient = ? AND candidate = ?) OR (new_patient = ? AND candidate = ?))", by, mergeId, merged, survivor, survivor, merged);
    }

    int openCount() {
        return jdbc.queryForObject("SELECT count(*) FROM patient_match_review WHERE status = 'open'", Integer.class);
    }

    private static Review review(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp decided = rs.getTimestamp("decided_at");
        return new Review(rs.getLong("id"), rs.getTimestamp("created").toInstant().toString(), rs.getString("new_patient"), rs.getString("candidate"),
                rs.getDouble("score"), rs.getString("reasons"), rs.getString("source"), rs.getString("status"), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant().toString(), rs.getObject("merge_id", Long.class));
    }
}
