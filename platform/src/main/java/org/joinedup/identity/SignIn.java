package org.joinedup.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** How users sign in to the built-in provider: the sign-in page, and any external providers. Applied to the web chain. */
public interface SignIn {

    void configure(HttpSecurity http) throws Exception;
}
