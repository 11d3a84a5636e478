package org.joinedup.access.internal;

import java.util.HashSet;
import java.util.Set;
import org.joinedup.access.PatientAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.PatientDirectory;
import org.joinedup.fhir.Visibility;
import org.joinedup.identity.SignedInUsers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Patient access for the portal's pages: the same records and rules as a patient's token with {@code patient/*.cruds}. */
@Component
class PatientAccessRules implements PatientAccess {

    static final String PORTAL_CLIENT = "joinedup-portal";

    private final SignedInUsers users;
    private final PatientDirectory directory;

    PatientAccessRules(SignedInUsers users, PatientDirectory directory) {
        this.users = users;
        this.directory = directory;
    }

    @Override
    public FhirAccess of(Authentication authentication) {
        if (authentication == null || !users.isPatient(authentication)) {
            return JwtAccessResolver.NOBODY;
        }
        Set<String> patients = new HashSet<>();
        users.patientOf(authentication).ifPresent(patients::add);
        users.proofedNhsNumber(authentication).ifPresent(nhsNumber -> patients.addAll(directory.proxiedBy(nhsNumber)));
        return new FhirAccess(new FhirAgent(authentication.getName(), "patient", null, null, PORTAL_CLIENT, "PATRQT", null),
                RolePolicy::patientAllows, new Visibility(false, patients, Set.of(), RolePolicy.HIDDEN_FROM_PATIENTS), false);
    }
}
