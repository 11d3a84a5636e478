package org.joinedup.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * OpenID Connect discovery where clients look for it, below the issuer ({@code /auth/.well-known/...}), and
 * RFC 8414's form: the provider itself answers at the root for its single issuer.
 */
@Controller
class IssuerDiscovery {

    @GetMapping(AuthorizationServerConfiguration.BASE + "/.well-known/openid-configuration")
    String openIdConfiguration() {
        return "forward:/.well-known/openid-configuration";
    }

    @GetMapping(AuthorizationServerConfiguration.BASE + "/.well-known/oauth-authorization-server")
    String authorizationServerMetadata() {
        return "forward:/.well-known/oauth-authorization-server";
    }
}
