package org.joinedup.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Sign-in attempts from one address above the limit in a minute are answered 429, whatever the account; other addresses are not held up. */
class LoginThrottleTest {

    private static int attempt(LoginThrottle throttle, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", AuthorizationServerConfiguration.BASE + "/login");
        request.setServletPath(AuthorizationServerConfiguration.BASE + "/login");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void theAttemptAfterTheLimitIsRefusedAndAnotherAddressIsNot() throws Exception {
        LoginThrottle throttle = new LoginThrottle(3);
        for (int i = 0; i < 3; i++) {
            assertThat(attempt(throttle, "10.0.0.1")).isEqualTo(200);
        }
        assertThat(attempt(throttle, "10.0.0.1")).isEqualTo(429);
        assertThat(attempt(throttle, "10.0.0.2")).isEqualTo(200);
    }
}
