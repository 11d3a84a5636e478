package org.joinedup.identity.internal;

import java.util.List;
import org.joinedup.identity.DemoProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo region's people, so that the run command can be tried at once: staff of a GP practice and a
 * hospital trust in each role, a locum clinician working at both (who chooses which after signing in), and
 * patients (one proofed to P9, one not), a care home's care worker and manager (on call for its alerts),
 * and a home carer of a domiciliary care provider. All share the demo password.
 */
@Component
class DemoAccounts {

    /** The demo GP practice's and hospital trust's ODS codes (the demo region's data uses the same). */
    static final String PRACTICE = "Y90001";
    static final String TRUST = "RYY";
    /** The demo region's first care home (its falls lamps alert these staff). */
    static final String CARE_HOME = "VN9001";
    /** The demo region's first domiciliary care provider (its clients' medication dispensers alert these carers). */
    static final String HOME_CARE = "VD9001";

    static final List<Account> ACCOUNTS = List.of(
            staff("gp.clinician", "clinician", PRACTICE, "Practitioner/demo-gp", "Dr Demo GP"),
            staff("hospital.clinician", "clinician", TRUST, "Practitioner/demo-consultant", "Demo Consultant"),
            staff("care.worker", "care-worker", PRACTICE, "Practitioner/demo-carer", "Demo Care Worker"),
            staff("scheduler", "scheduler", TRUST, null, "Demo Scheduler"),
            staff("analyst", "analyst", TRUST, null, "Demo Analyst"),
            staff("ig.auditor", "ig-auditor", TRUST, null, "Demo IG Auditor"),
            staff("operator", "operator", TRUST, null, "Demo Operator"),
            staff("locum.clinician", "clinician", PRACTICE, "Practitioner/demo-locum", "Dr Demo Locum"),
            staff("care.home.worker", "care-worker", CARE_HOME, null, "Demo Care Home Worker"),
            staff("care.home.manager", "care-worker", CARE_HOME, null, "Demo Care Home Manager"),
            staff("home.carer", "care-worker", HOME_CARE, null, "Demo Home Carer"),
            patient("patient", "demo-patient-1", "9990000018", "P9", "Demo Patient"),
            patient("unproofed.patient", "demo-patient-2", "9990000026", "P5", "Demo Patient (not proofed)"));

    DemoAccounts(DemoProperties demo, AccountStore accounts, PasswordEncoder passwords) {
        if (!demo.enabled()) {
            return;
        }
        String hash = passwords.encode(demo.userPassword());
        for (Account account : ACCOUNTS) {
            accounts.addIfAbsent(new Account(account.username(), hash, account.kind(), account.role(), account.organization(),
                    account.fhirUser(), account.patientId(), account.nhsNumber(), account.identityLevel(), account.displayName(), 0, null));
        }
        // a locum who works both at the practice and at the trust chooses which after signing in
        accounts.addOtherProfile("locum.clinician", new RoleProfile("clinician", TRUST));
    }

    private static Account staff(String username, String role, String organization, String practitioner, String name) {
        return new Account(username, null, "staff", role, organization, practitioner, null, null, null, name, 0, null);
    }

    private static Account patient(String username, String patientId, String nhsNumber, String level, String name) {
        return new Account(username, null, "patient", null, null, "Patient/" + patientId, patientId, nhsNumber, level, name, 0, null);
    }
}
