package org.joinedup.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts from one network address to so many a minute: above it, 429 with Retry-After,
 * whatever the account. (Account lock-out is the other half: many addresses against one account.)
 */
final class LoginThrottle extends OncePerRequestFilter {

    private record Window(long minute, AtomicInteger attempts) {
    }

    private final int perMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    LoginThrottle(int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && (AuthorizationServerConfiguration.BASE + "/login").equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long minute = System.currentTimeMillis() / 60_000;
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue().minute() < minute);
        }
        Window window = windows.compute(request.getRemoteAddr(),
                (address, old) -> old == null || old.minute() != minute ? new Window(minute, new AtomicInteger()) : old);
        if (window.attempts().incrementAndGet() > perMinute) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Too many attempts – JoinedUp</title>"
                    + "<link rel=\"stylesheet\" href=\"/nhsuk/nhsuk-frontend.min.css\"></head><body><main class=\"nhsuk-width-container\">"
                    + "<h1 class=\"nhsuk-heading-l\">Too many attempts to sign in</h1><p class=\"nhsuk-body\">Wait a minute, then "
                    + "<a href=\"" + AuthorizationServerConfiguration.BASE + "/login\">try again</a>.</p></main></body></html>");
            return;
        }
        chain.doFilter(request, response);
    }
}
