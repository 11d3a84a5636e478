package org.joinedup.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before a member of staff with several roles opens a staff page, or authorises an app, they choose the role
 * (and organisation) they are acting in: until then they are sent to {@code /staff/role}, and brought back after.
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class RoleChoiceFilter extends OncePerRequestFilter {

    private final AccountStore accounts;
    private final ChosenRoles roles;

    RoleChoiceFilter(AccountStore accounts, ChosenRoles roles) {
        this.accounts = accounts;
        this.roles = roles;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (guarded(path) && mustChoose(sessionAuthentication(request))) {
            String back = "GET".equals(request.getMethod()) ? path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) : "/staff/patients";
            response.sendRedirect(request.getContextPath() + "/staff/role?continue=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Who the session is signed in as (read from the session: this runs before the security filters, so as to come before the authorization endpoint). */
    private static Authentication sessionAuthentication(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        Object context = session == null ? null : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security ? security.getAuthentication() : null;
    }

    private static boolean guarded(String path) {
        return path.startsWith("/staff/") && !path.equals("/staff/role") || path.endsWith("/oauth2/authorize");
    }

    private boolean mustChoose(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken
                || authentication instanceof JwtAuthenticationToken) {
            return false;
        }
        return accounts.find(ExternalLogin.username(authentication)).map(roles::mustChoose).orElse(false);
    }
}
