package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.access.PatientAccess;
import org.joinedup.fhir.FhirAccess;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who can act for you ({@code /portal/proxies}): the people the patient's consents let see and use their record
 * (a parent, a carer), and a button to stop each one, through {@code Patient/$withdraw-proxy}. Only on the
 * patient's own record: a proxy sees the page but cannot stop anyone.
 */
@Controller
class ProxiesPage {

    private final PortalRecords records;
    private final PatientAccess access;
    private final PortalFhir fhir;

    ProxiesPage(PortalRecords records, PatientAccess access, PortalFhir fhir) {
        this.records = records;
        this.access = access;
        this.fhir = fhir;
    }

    /** A person acting for the patient. Public only so that the template can read it. */
    public record Proxy(String reference, String name, String relationship) {
    }

    @GetMapping("/portal/proxies")
    String page(Authentication authentication, HttpSession session, Model model) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        List<Proxy> proxies = new ArrayList<>();
        for (JsonNode consent : fhir.search(as, "Consent?patient=Patient/" + current.patientId() + "&status=active&_count=100")) {
            if (!"permit".equals(consent.at("/provision/type").asText())) {
                continue;
            }
            for (JsonNode actor : consent.at("/provision/actor")) {
                String reference = actor.at("/reference/reference").asText();
                if (reference.startsWith("RelatedPerson/") && proxies.stream().noneMatch(p -> p.reference().equals(reference))) {
                    JsonNode person = fhir.search(as, "RelatedPerson?_id=" + reference.substring("RelatedPerson/".length())).stream().findFirst().orElse(null);
                    String name = person == null ? "Someone you named" : (person.at("/name/0/given/0").asText("") + " " + person.at("/name/0/family").asText("")).trim();
                    String relationship = person == null ? "" : person.at("/relationship/0/text").asText(person.at("/relationship/0/coding/0/display").asText(""));
                    proxies.add(new Proxy(reference, name.isEmpty() ? "Someone you named (NHS number " + person.at("/identifier/0/value").asText("") + ")" : name,
                            relationship));
                }
            }
        }
        model.addAttribute("current", current);
        model.addAttribute("proxies", proxies);
        return "portal/proxies";
    }

    @PostMapping("/portal/proxies/withdraw")
    String withdraw(Authentication authentication, HttpSession session, @RequestParam String proxy, RedirectAttributes redirect) {
        RecordChoice current = records.required(authentication, session);
        String problem = fhir.post(access.of(authentication), "Patient/" + current.patientId() + "/$withdraw-proxy",
                PortalFhir.parameters("proxy", proxy, true));
        redirect.addFlashAttribute(problem == null ? "done" : "problem", problem == null ? "They can no longer see or use your record." : problem);
        return "redirect:/portal/proxies";
    }
}
