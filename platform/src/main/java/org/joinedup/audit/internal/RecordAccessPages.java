package org.joinedup.audit.internal;

import java.util.List;
import org.joinedup.identity.SignedInUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** A patient's view of who has used their record: a page in the portal, and the same as JSON for apps. */
@Controller
class RecordAccessPages {

    private final RecordAccess access;
    private final SignedInUsers users;

    RecordAccessPages(RecordAccess access, SignedInUsers users) {
        this.access = access;
        this.users = users;
    }

    @GetMapping("/portal/record-access")
    String page(Authentication authentication, Model model) {
        model.addAttribute("lines", lines(authentication));
        return "portal/record-access";
    }

    @GetMapping("/portal/api/record-access")
    @ResponseBody
    List<RecordAccess.Line> json(Authentication authentication) {
        return lines(authentication);
    }

    private List<RecordAccess.Line> lines(Authentication authentication) {
        String patient = users.patientOf(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                "Only a patient whose identity is confirmed can see who has used their record"));
        return access.of(patient);
    }
}
