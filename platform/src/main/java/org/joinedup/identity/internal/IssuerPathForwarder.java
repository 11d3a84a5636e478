package org.joinedup.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the provider's protocol endpoints below its issuer path: {@code /auth/oauth2/token} is forwarded to
 * {@code /oauth2/token}, where Spring Authorization Server answers for the issuer {@code .../auth}. The sign-in
 * pages under {@code /auth} are the platform's own and are not forwarded.
 */
final class IssuerPathForwarder extends OncePerRequestFilter {

    private static final List<String> PROTOCOL_PATHS = List.of("/oauth2/", "/userinfo", "/connect/", "/.well-known/");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return target(request.getRequestURI().substring(request.getContextPath().length())) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String target = target(request.getRequestURI().substring(request.getContextPath().length()));
        // the forwarded request keeps the original query string and parameters
        request.getRequestDispatcher(target).forward(request, response);
    }

    /** The path below the issuer, for a protocol endpoint; null for anything else. */
    static String target(String path) {
        String base = AuthorizationServerConfiguration.BASE;
        if (!path.startsWith(base + "/")) {
            return null;
        }
        String below = path.substring(base.length());
        return PROTOCOL_PATHS.stream().anyMatch(below::startsWith) ? below : null;
    }
}
