package org.joinedup.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joinedup.identity.IdentityProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/** The external providers configured for staff ({@value #STAFF}) and patients ({@value #PATIENTS}), as OAuth2 client registrations. */
@Component
class ExternalProviders {

    static final String STAFF = "staff";
    static final String PATIENTS = "patients";
    static final String LOGIN_BASE = AuthorizationServerConfiguration.BASE + "/external";

    /** CIS2 national RBAC role codes and the platform roles they map to, when no mapping is configured. */
    static final Map<String, String> CIS2_ROLES = Map.of(
            "R8000", "clinician", "R8001", "clinician", "R8003", "clinician", "R8004", "clinician",
            "R8008", "scheduler", "R8010", "scheduler", "R8002", "care-worker");

    private final IdentityProperties properties;
    private final List<ClientRegistration> registrations = new ArrayList<>();

    ExternalProviders(IdentityProperties properties) {
        this.properties = properties;
        if (properties.staffProvider().configured()) {
            registrations.add(registration(STAFF, properties.staffProvider()));
        }
        if (properties.patientProvider().configured()) {
            registrations.add(registration(PATIENTS, properties.patientProvider()));
        }
    }

    boolean any() {
        return !registrations.isEmpty();
    }

    InMemoryClientRegistrationRepository repository() {
        return new InMemoryClientRegistrationRepository(registrations);
    }

    IdentityProperties.ExternalProvider provider(String registrationId) {
        return STAFF.equals(registrationId) ? properties.staffProvider() : properties.patientProvider();
    }

    Map<String, String> roleMapping() {
        Map<String, String> configured = properties.staffProvider().roleMapping();
        return configured == null || configured.isEmpty() ? CIS2_ROLES : configured;
    }

    List<LoginPage.Provider> offered() {
        return registrations.stream().map(r -> new LoginPage.Provider(r.getClientName(), LOGIN_BASE + "/" + r.getRegistrationId())).toList();
    }

    private static ClientRegistration registration(String id, IdentityProperties.ExternalProvider provider) {
        String defaultName = STAFF.equals(id) ? "NHS Care Identity Service 2" : "NHS login";
        return ClientRegistrations.fromIssuerLocation(provider.issuerUri())
                .registrationId(id)
                .clientId(provider.clientId())
                .clientSecret(provider.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}" + LOGIN_BASE + "/callback/{registrationId}")
                .scope(provider.scopes())
                .clientName(provider.name() == null ? defaultName : provider.name())
                .build();
    }
}
