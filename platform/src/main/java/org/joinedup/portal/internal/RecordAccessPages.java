package org.joinedup.portal.internal;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.joinedup.audit.RecordUses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Who has used your record": a page in the portal for the record being looked at, and the same as JSON for apps
 * (which name the record with {@code ?patient=}, their own by default).
 */
@Controller
class RecordAccessPages {

    private final RecordUses uses;
    private final PortalRecords records;
    private final PortalAudit audit;

    RecordAccessPages(RecordUses uses, PortalRecords records, PortalAudit audit) {
        this.uses = uses;
        this.records = records;
        this.audit = audit;
    }

    @GetMapping("/portal/record-access")
    String page(Authentication authentication, HttpSession session, Model model) {
        RecordChoice record = records.current(authentication, session).orElseThrow(RecordAccessPages::noRecord);
        model.addAttribute("record", record);
        model.addAttribute("lines", lines(authentication, record));
        return "portal/record-access";
    }

    @GetMapping("/portal/api/record-access")
    @ResponseBody
    List<RecordUses.RecordUse> json(Authentication authentication, @RequestParam(required = false) String patient) {
        List<RecordChoice> choices = records.choices(authentication);
        RecordChoice record = choices.stream().filter(c -> patient == null ? c.own() : c.patientId().equals(patient)).findFirst()
                .or(() -> patient == null ? choices.stream().findFirst() : java.util.Optional.empty())
                .orElseThrow(RecordAccessPages::noRecord);
        return lines(authentication, record);
    }

    private List<RecordUses.RecordUse> lines(Authentication authentication, RecordChoice record) {
        List<RecordUses.RecordUse> lines = uses.of(record.patientId());
        audit.viewed(authentication, "/portal/record-access", List.of(record));
        return lines;
    }

    private static ResponseStatusException noRecord() {
        return new ResponseStatusException(HttpStatus.FORBIDDEN,
                "Only a patient whose identity is confirmed, or someone they have named, can see who has used their record");
    }
}
