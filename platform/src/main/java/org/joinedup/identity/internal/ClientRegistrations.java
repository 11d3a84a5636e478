package org.joinedup.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.joinedup.identity.DemoProperties;
import org.joinedup.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** The clients the built-in provider knows: configured machine clients, and the demo client when the demo is on. */
@Configuration(proxyBeanMethods = false)
class ClientRegistrations {

    /** What the demo system client is granted: everything, as a system. */
    static final List<String> DEMO_SCOPES = List.of("system/*.cruds", "system/*.rs", "system/*.read", "system/*.write");

    /** The demo SMART app: signs users in, for patients' and staff's own scopes. */
    static final IdentityProperties.App DEMO_APP = new IdentityProperties.App("joinedup-demo-app",
            List.of("http://127.0.0.1/callback", "http://localhost:8080/callback"),
            List.of("openid", "fhirUser", "profile", "launch/patient", "offline_access", "patient/*.rs", "patient/*.cruds",
                    "user/*.rs", "user/*.cruds"));

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties identity, DemoProperties demo, PasswordEncoder passwords) {
        List<RegisteredClient> clients = new ArrayList<>();
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(identity.accessTokenLifetime()).build();
        if (demo.enabled()) {
            clients.add(machine(new IdentityProperties.MachineClient(demo.clientId(), demo.clientSecret(), null, DEMO_SCOPES),
                    passwords, tokens));
        }
        for (IdentityProperties.MachineClient client : identity.clients()) {
            clients.add(machine(client, passwords, tokens));
        }
        if (demo.enabled()) {
            clients.add(app(DEMO_APP, tokens));
        }
        for (IdentityProperties.App app : identity.apps()) {
            clients.add(app(app, tokens));
        }
        if (clients.isEmpty()) {
            // the repository needs one entry; this one can never authenticate
            clients.add(RegisteredClient.withId(UUID.randomUUID().toString()).clientId("none-" + UUID.randomUUID())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("http://127.0.0.1/none").build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient app(IdentityProperties.App app, TokenSettings tokens) {
        return RegisteredClient.withId(app.clientId())
                .clientId(app.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(app.redirectUris()))
                .scopes(scopes -> scopes.addAll(app.scopes()))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build();
    }

    private static RegisteredClient machine(IdentityProperties.MachineClient client, PasswordEncoder passwords, TokenSettings tokens) {
        if (client.clientId() == null || client.clientId().isBlank()) {
            throw new IllegalStateException("A client in joinedup.identity.clients has no client-id");
        }
        if (client.secret() == null && client.jwkSetUrl() == null) {
            throw new IllegalStateException("Client " + client.clientId() + " needs a secret or a jwk-set-url");
        }
        RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(tokens)
                .scopes(scopes -> scopes.addAll(client.scopes() == null ? List.of() : client.scopes()));
        if (client.secret() != null) {
            builder.clientSecret(passwords.encode(client.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        if (client.jwkSetUrl() != null) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                    .clientSettings(ClientSettings.builder().jwkSetUrl(client.jwkSetUrl())
                            .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS384).build());
        }
        return builder.build();
    }

}
