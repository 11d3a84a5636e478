package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.joinedup.access.PatientAccess;
import org.joinedup.notify.MessageKind;
import org.joinedup.notify.MessageStatuses;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How we contact you ({@code /portal/contact-preferences}): text message, email or letter, the mobile number and
 * email address, and whether to have appointment reminders; saved through {@code Patient/$contact-preferences}
 * as the patient, so the messages that follow use them at once.
 */
@Controller
class ContactPreferencesPage {

    private static final Map<String, String> CODES = Map.of("9", "sms", "4", "email", "8", "email", "1", "letter");

    private final PortalRecords records;
    private final PatientAccess access;
    private final PortalFhir fhir;
    private final MessageStatuses messages;

    ContactPreferencesPage(PortalRecords records, PatientAccess access, PortalFhir fhir, MessageStatuses messages) {
        this.records = records;
        this.access = access;
        this.fhir = fhir;
        this.messages = messages;
    }

    @GetMapping("/portal/contact-preferences")
    String page(Authentication authentication, HttpSession session, Model model) {
        RecordChoice current = records.required(authentication, session);
        JsonNode patient = fhir.read(access.of(authentication), "Patient/" + current.patientId());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("method", "sms");
        for (JsonNode telecom : patient.path("telecom")) {
            String value = telecom.path("value").asText();
            if ("email".equals(telecom.path("system").asText())) {
                values.put("email", value);
            } else if ("phone".equals(telecom.path("system").asText()) && ("mobile".equals(telecom.path("use").asText()) || value.replace(" ", "").startsWith("07"))) {
                values.put("mobile", value);
            }
        }
        for (JsonNode extension : patient.path("extension")) {
            for (JsonNode part : extension.path("extension")) {
                if ("PreferredContactMethod".equals(part.path("url").asText())) {
                    values.put("method", CODES.getOrDefault(part.at("/valueCodeableConcept/coding/0/code").asText(), "sms"));
                }
            }
        }
        values.put("reminders", String.valueOf(!messages.optedOut(current.patientId(), MessageKind.APPOINTMENT_REMINDER)));
        if (!model.containsAttribute("values")) { // after a refused form, what the patient typed is shown again instead
            model.addAttribute("values", values);
        }
        model.addAttribute("current", current);
        return "portal/contact-preferences";
    }

    @PostMapping("/portal/contact-preferences")
    String save(Authentication authentication, HttpSession session, @RequestParam(defaultValue = "") String method,
                @RequestParam(defaultValue = "") String mobile, @RequestParam(defaultValue = "") String email,
                @RequestParam(defaultValue = "true") String reminders, RedirectAttributes redirect) {
        RecordChoice current = records.required(authentication, session);
        ObjectNode parameters = PortalFhir.JSON.createObjectNode().put("resourceType", "Parameters");
        ArrayNode list = parameters.putArray("parameter");
        list.addObject().put("name", "method").put("valueString", method);
        list.addObject().put("name", "mobile").put("valueString", mobile.trim());
        list.addObject().put("name", "email").put("valueString", email.trim());
        list.addObject().put("name", "reminders").put("valueString", "false".equals(reminders) ? "false" : "true");
        String problem = fhir.post(access.of(authentication), "Patient/" + current.patientId() + "/$contact-preferences", parameters);
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            redirect.addFlashAttribute("values", Map.of("method", method, "mobile", mobile, "email", email, "reminders", reminders));
        } else {
            redirect.addFlashAttribute("done", "Saved. We will contact you this way from now on.");
        }
        return "redirect:/portal/contact-preferences";
    }
}
