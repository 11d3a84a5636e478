package org.joinedup.identity.internal;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;

/** SMART's launch context in the token response: the patient in context, beside the token that names them. */
final class LaunchContext {

    private LaunchContext() {
    }

    static OAuth2AccessTokenResponseAuthenticationSuccessHandler handler() {
        OAuth2AccessTokenResponseAuthenticationSuccessHandler handler = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
        handler.setAccessTokenResponseCustomizer(context -> {
            OAuth2AccessTokenAuthenticationToken authentication = context.getAuthentication();
            Object patient = patientOf(authentication.getAccessToken().getTokenValue());
            if (patient != null) {
                Map<String, Object> parameters = new HashMap<>(authentication.getAdditionalParameters());
                parameters.put("patient", patient);
                context.getAccessTokenResponse().additionalParameters(parameters);
            }
        });
        return handler;
    }

    /** The patient claim of a token this provider has just signed (so it is not verified again). */
    private static Object patientOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getClaim("patient");
        } catch (ParseException e) {
            return null;
        }
    }
}
