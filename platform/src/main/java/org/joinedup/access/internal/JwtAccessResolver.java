package org.joinedup.access.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;
import org.joinedup.access.Role;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAccessResolver;
import org.joinedup.fhir.FhirAccessResolver.Unauthenticated;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.PatientDirectory;
import org.joinedup.fhir.Visibility;
import org.joinedup.identity.SignedInUsers;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Checks the bearer token of a FHIR request (signature, issuer, audience, expiry; else 401) and turns it into what its caller may do: the SMART scopes it carries,
 * narrowed by the user's role, and the records visible to a patient (their own), to staff (those in a care
 * relationship with them or their organisation, and break-glass grants) or to a system (all).
 */
@Component
class JwtAccessResolver implements FhirAccessResolver {

    /** A caller with no valid token: nothing allowed, nothing visible. */
    static final FhirAccess NOBODY = new FhirAccess(new FhirAgent("anonymous", "anonymous", null, null, null, null, null),
            (type, action) -> false, new Visibility(false, Set.of(), Set.of(), RolePolicy.SENSITIVE), false);

    private final JwtDecoder tokens;
    private final SignedInUsers users;
    private final PatientDirectory directory;
    /** The demo system client: scripts and benchmarks, not a source system. */
    private final String demoClient;

    private final StaffAccessRules staffRules;

    JwtAccessResolver(JwtDecoder tokens, SignedInUsers users, PatientDirectory directory,
                      org.joinedup.identity.DemoProperties demo, StaffAccessRules staffRules) {
        this.staffRules = staffRules;
        this.demoClient = demo.enabled() ? demo.clientId() : null;
        this.tokens = tokens;
        this.users = users;
        this.directory = directory;
    }

    @Override
    public FhirAccess resolve(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthenticated("Bearer", "This request needs a bearer token (see /.well-known/smart-configuration)");
        }
        return resolveToken(authorization.substring(7).trim());
    }

    @Override
    public FhirAccess resolveToken(String token) {
        Jwt jwt;
        try {
            jwt = tokens.decode(token);
        } catch (JwtException e) {
            throw new Unauthenticated("Bearer error=\"invalid_token\", error_description=\"The token was refused\"",
                    "The bearer token was refused: it is expired, malformed, not signed by this platform's identity provider,"
                            + " or not for this FHIR API");
        }
        return resolve(jwt);
    }

    FhirAccess resolve(Jwt jwt) {
        List<SmartScope> scopes = scopes(jwt);
        String kind = kind(jwt);
        String client = jwt.getClaimAsString("client_id");
        return switch (kind) {
            case "system" -> new FhirAccess(new FhirAgent(jwt.getSubject(), "system", null, null, client, "TREAT", null,
                    client != null && !client.equals(demoClient)),
                    permitted(scopes, "system"), Visibility.EVERYTHING, false);
            case "patient" -> patient(jwt, scopes, client);
            case "staff" -> staff(jwt, scopes, client);
            default -> NOBODY;
        };
    }

    private FhirAccess patient(Jwt jwt, List<SmartScope> scopes, String client) {
        Set<String> patients = new HashSet<>();
        String own = jwt.getClaimAsString("patient");
        if (own != null) {
            patients.add(own);
        }
        // records they are a proxy for (a parent, a carer), as the patients' consents stand now
        users.proofedNhsNumber(jwt.getSubject()).ifPresent(nhsNumber -> patients.addAll(directory.proxiedBy(nhsNumber)));
        FhirAccess.Permissions scoped = permitted(scopes, "patient");
        return new FhirAccess(new FhirAgent(jwt.getSubject(), "patient", null, null, client, "PATRQT", null),
                (type, action) -> scoped.allows(type, action) && RolePolicy.patientAllows(type, action),
                new Visibility(false, patients, Set.of(), RolePolicy.HIDDEN_FROM_PATIENTS), false);
    }

    private FhirAccess staff(Jwt jwt, List<SmartScope> scopes, String client) {
        return staffRules.staff(jwt.getSubject(), Role.ofClaim(jwt.getClaimAsString("role")), jwt.getClaimAsString("organization"),
                jwt.getClaimAsString("fhirUser"), client, permitted(scopes, "user"));
    }

    private static String kind(Jwt jwt) {
        String kind = jwt.getClaimAsString("joinedup_kind");
        return kind == null ? "unknown" : kind;
    }

    private static List<SmartScope> scopes(Jwt jwt) {
        List<SmartScope> scopes = new ArrayList<>();
        Object claim = jwt.getClaims().get("scope");
        List<String> values = claim instanceof String text ? List.of(text.split(" "))
                : claim instanceof java.util.Collection<?> collection ? collection.stream().map(Object::toString).toList() : List.of();
        for (String value : values) {
            SmartScope scope = SmartScope.parse(value);
            if (scope != null) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    /** The scopes of one context (a system's system/ scopes, a patient's patient/ scopes, staff's user/ scopes). */
    private static FhirAccess.Permissions permitted(List<SmartScope> scopes, String context) {
        List<SmartScope> relevant = scopes.stream().filter(s -> s.context().equals(context)).toList();
        return (type, action) -> {
            for (SmartScope scope : relevant) {
                if (scope.allows(type, action)) {
                    return true;
                }
            }
            return false;
        };
    }
}
