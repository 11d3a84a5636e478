package org.joinedup.notify.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A link from a message ({@code /portal/go/{token}}): like every portal page it asks the patient to sign in
 * first, then opens the page the message is about. An unknown or expired link says so and leads to the portal.
 */
@Controller
class LinkPage {

    private final SecureLinks links;

    LinkPage(SecureLinks links) {
        this.links = links;
    }

    @GetMapping("/portal/go/{token}")
    String open(@PathVariable String token, HttpServletResponse response) {
        return links.open(token).map(target -> "redirect:" + target).orElseGet(() -> {
            response.setStatus(HttpServletResponse.SC_GONE);
            return "portal/link-expired";
        });
    }
}
