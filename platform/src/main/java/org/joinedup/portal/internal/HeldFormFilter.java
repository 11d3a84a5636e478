package org.joinedup.portal.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A portal form posted after its session ended (the browser still sends the old session's cookie, which only a page
 * of this site can make it do) is held rather than refused, before the security filters would turn it away; the
 * patient is sent to sign in again, and then to the page that gives it back ({@code /portal/held}).
 */
class HeldFormFilter extends OncePerRequestFilter {

    private final HeldForms held;

    HeldFormFilter(HeldForms held) {
        this.held = held;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        boolean sessionEnded = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        if ("POST".equals(request.getMethod()) && sessionEnded && held.hold(request, response)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/portal/held");
            return;
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Before Spring Security's filters (order -100), for the portal's pages only. */
        @Bean
        FilterRegistrationBean<HeldFormFilter> heldFormFilter(HeldForms held) {
            FilterRegistrationBean<HeldFormFilter> registration = new FilterRegistrationBean<>(new HeldFormFilter(held));
            registration.addUrlPatterns("/portal/*");
            registration.setOrder(-110);
            return registration;
        }
    }
}
