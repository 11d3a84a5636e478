package org.joinedup.identity.internal;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page of the built-in provider, in the NHS.UK design system, with its error messages. */
@Controller
class LoginPage {

    /** An external provider offered on the page. */
    record Provider(String name, String url) {
    }

    private final List<Provider> providers;

    LoginPage(ExternalProviders external) {
        this.providers = external.offered();
    }

    @GetMapping(AuthorizationServerConfiguration.BASE + "/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("error", message(error));
        model.addAttribute("providers", providers);
        return "auth/login";
    }

    private static String message(String error) {
        if (error == null) {
            return null;
        }
        return switch (error) {
            case "locked" -> "Your account is locked after too many failed attempts. Try again later";
            case "throttled" -> "Too many attempts to sign in from your network. Wait a minute and try again";
            case "external" -> "Signing in with that service did not work. Try again, or sign in with a username and password";
            default -> "Enter a correct username and password";
        };
    }
}
