package org.joinedup.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Accounts in the database, and their sign-in failures and lock-outs. */
@Component
class AccountStore {

    private final JdbcTemplate jdbc;

    AccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.query("SELECT * FROM account WHERE username = ?", AccountStore::map, username).stream().findFirst();
    }

    Optional<Account> findExternal(String issuer, String subject) {
        return jdbc.query("SELECT * FROM account WHERE external_issuer = ? AND external_subject = ?", AccountStore::map, issuer, subject)
                .stream().findFirst();
    }

    /** Adds an account unless one of that name exists. */
    void addIfAbsent(Account account) {
        jdbc.update("INSERT INTO account (username, password_hash, kind, role, organization, fhir_user, patient_id, nhs_number,"
                        + " identity_level, display_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING",
                account.username(), account.passwordHash(), account.kind(), account.role(), account.organization(), account.fhirUser(),
                account.patientId(), account.nhsNumber(), account.identityLevel(), account.displayName());
    }

    /** Creates or refreshes the account of a user signed in by an external provider, from what it said of them. */
    void upsertExternal(String issuer, String subject, Account mapped) {
        jdbc.update("INSERT INTO account (username, kind, role, organization, fhir_user, patient_id, nhs_number, identity_level,"
                        + " display_name, external_issuer, external_subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (username) DO UPDATE SET kind = excluded.kind, role = excluded.role,"
                        + " organization = excluded.organization, fhir_user = excluded.fhir_user, patient_id = excluded.patient_id,"
                        + " nhs_number = excluded.nhs_number, identity_level = excluded.identity_level, display_name = excluded.display_name",
                mapped.username(), mapped.kind(), mapped.role(), mapped.organization(), mapped.fhirUser(), mapped.patientId(),
                mapped.nhsNumber(), mapped.identityLevel(), mapped.displayName(), issuer, subject);
    }

    /** The roles a member of staff holds: the account's own first, then the others (none for a patient). */
    java.util.List<RoleProfile> profiles(Account account) {
        if (!account.isStaff() || account.role() == null) {
            return java.util.List.of();
        }
        java.util.List<RoleProfile> profiles = new java.util.ArrayList<>();
        profiles.add(new RoleProfile(account.role(), account.organization()));
        jdbc.query("SELECT role, organization FROM account_role WHERE username = ? ORDER BY organization, role",
                (rs, i) -> new RoleProfile(rs.getString(1), rs.getString(2)), account.username()).stream()
                .filter(profile -> !profiles.contains(profile)).forEach(profiles::add);
        return profiles;
    }

    /** Sets the roles a member of staff holds besides the account's own (as their external provider says them now). */
    void replaceOtherProfiles(String username, java.util.List<RoleProfile> others) {
        jdbc.update("DELETE FROM account_role WHERE username = ?", username);
        others.stream().filter(profile -> profile.organization() != null).forEach(profile -> addOtherProfile(username, profile));
    }

    void addOtherProfile(String username, RoleProfile profile) {
        jdbc.update("INSERT INTO account_role (username, role, organization) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                username, profile.role(), profile.organization());
    }

    /** Counts a failed sign-in; the one that reaches the limit locks the account. */
    void recordFailure(String username, int maxFailures, Duration lockout) {
        jdbc.update("UPDATE account SET failed_logins = failed_logins + 1,"
                + " locked_until = CASE WHEN failed_logins + 1 >= ? THEN now() + ? * interval '1 second' ELSE locked_until END"
                + " WHERE username = ?", maxFailures, lockout.toSeconds(), username);
    }

    void recordSuccess(String username) {
        jdbc.update("UPDATE account SET failed_logins = 0, locked_until = NULL WHERE username = ? AND failed_logins > 0", username);
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Account(rs.getString("username"), rs.getString("password_hash"), rs.getString("kind"), rs.getString("role"),
                rs.getString("organization"), rs.getString("fhir_user"), rs.getString("patient_id"), rs.getString("nhs_number"),
                rs.getString("identity_level"), rs.getString("display_name"), rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant());
    }
}
