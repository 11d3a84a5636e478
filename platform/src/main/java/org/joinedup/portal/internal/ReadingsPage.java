package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.access.PatientAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Readings a patient takes at home ({@code /portal/readings}), for their virtual ward or care team: pulse, oxygen
 * level, temperature, blood pressure and breathing rate, any of them, each checked against what a person can have;
 * saved together as vital-sign Observations at one time, performed by the patient (so a monitoring plan counts them),
 * with the last readings listed. A NEWS2 score needs a clinician's or a kit's full set, so none is made from these.
 */
@Controller
class ReadingsPage {

    /** A reading the form takes: its field, LOINC code, name, UCUM unit, limits and decimals allowed. */
    record Kind(String field, String code, String name, String unit, BigDecimal min, BigDecimal max, int decimals) {

        /** As the form labels it: "Heart rate (per minute)". */
        public String label() {
            return name + " (" + switch (unit) {
                case "/min" -> "per minute";
                case "Cel" -> "°C";
                case "mm[Hg]" -> "mmHg";
                default -> unit;
            } + ")";
        }
    }

    static final List<Kind> KINDS = List.of(
            new Kind("pulse", "8867-4", "Heart rate", "/min", BigDecimal.valueOf(25), BigDecimal.valueOf(250), 0),
            new Kind("oxygen", "59408-5", "Oxygen saturation", "%", BigDecimal.valueOf(50), BigDecimal.valueOf(100), 0),
            new Kind("temperature", "8310-5", "Body temperature", "Cel", BigDecimal.valueOf(30), BigDecimal.valueOf(45), 1),
            new Kind("systolic", "8480-6", "Systolic blood pressure", "mm[Hg]", BigDecimal.valueOf(50), BigDecimal.valueOf(260), 0),
            new Kind("diastolic", "8462-4", "Diastolic blood pressure", "mm[Hg]", BigDecimal.valueOf(20), BigDecimal.valueOf(160), 0),
            new Kind("breathing", "9279-1", "Respiratory rate", "/min", BigDecimal.valueOf(4), BigDecimal.valueOf(70), 0));
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm").withZone(ZoneId.of("Europe/London"));

    private final PortalRecords records;
    private final PatientAccess access;
    private final PortalFhir fhir;
    private final FhirApi api;

    ReadingsPage(PortalRecords records, PatientAccess access, PortalFhir fhir, FhirApi api) {
        this.records = records;
        this.access = access;
        this.fhir = fhir;
        this.api = api;
    }

    /** A reading as listed. Public only so that the template can read it. */
    public record Shown(String when, String name, String value) {
    }

    @GetMapping("/portal/readings")
    String page(Authentication authentication, HttpSession session, Model model) {
        RecordChoice current = records.required(authentication, session);
        String codes = String.join(",", KINDS.stream().map(k -> "http://loinc.org|" + k.code()).toList());
        List<Shown> shown = new ArrayList<>();
        for (JsonNode o : fhir.search(access.of(authentication), "Observation?patient=Patient/" + current.patientId() + "&code=" + codes
                + "&_sort=-date&_count=30")) {
            Instant at = Instant.parse(o.path("effectiveDateTime").asText());
            shown.add(new Shown(WHEN.format(at), o.at("/code/coding/0/display").asText(o.at("/code/text").asText("")),
                    o.at("/valueQuantity/value").asText() + " " + o.at("/valueQuantity/unit").asText("")));
        }
        model.addAttribute("current", current);
        model.addAttribute("readings", shown);
        model.addAttribute("kinds", KINDS);
        return "portal/readings";
    }

    @PostMapping("/portal/readings")
    String save(Authentication authentication, HttpSession session, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        Map<Kind, BigDecimal> values = new LinkedHashMap<>();
        for (Kind kind : KINDS) {
            String text = form.getOrDefault(kind.field(), "").strip();
            if (text.isEmpty()) {
                continue;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                return problem(redirect, form, kind, kind.name() + " must be a number, like " + example(kind));
            }
            if (value.scale() > kind.decimals() || value.compareTo(kind.min()) < 0 || value.compareTo(kind.max()) > 0) {
                return problem(redirect, form, kind, kind.name() + " must be between " + kind.min() + " and " + kind.max()
                        + (kind.decimals() == 0 ? ", in whole numbers" : ", with at most one decimal place"));
            }
            values.put(kind, value);
        }
        if (values.isEmpty()) {
            return problem(redirect, form, KINDS.getFirst(), "Enter at least one reading");
        }
        if (values.keySet().stream().filter(k -> k.field().equals("systolic") || k.field().equals("diastolic")).count() == 1) {
            return problem(redirect, form, KINDS.get(3), "Enter both blood pressure numbers, the top and the bottom one");
        }
        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode bundle = PortalFhir.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
        ArrayNode entries = bundle.putArray("entry");
        values.forEach((kind, value) -> {
            ObjectNode entry = entries.addObject();
            ObjectNode o = entry.putObject("resource").put("resourceType", "Observation").put("status", "final");
            o.putArray("category").addObject().putArray("coding").addObject().put("system", "http://terminology.hl7.org/CodeSystem/observation-category")
                    .put("code", "vital-signs").put("display", "Vital Signs");
            o.putObject("code").put("text", kind.name()).putArray("coding").addObject().put("system", "http://loinc.org").put("code", kind.code())
                    .put("display", kind.name());
            o.putObject("subject").put("reference", "Patient/" + current.patientId());
            o.put("effectiveDateTime", at);
            o.putArray("performer").addObject().put("reference", "Patient/" + current.patientId());
            o.putObject("valueQuantity").put("value", value).put("unit", kind.unit()).put("system", "http://unitsofmeasure.org").put("code", kind.unit());
            entry.putObject("request").put("method", "POST").put("url", "Observation");
        });
        FhirApi.Answer answer = api.handle(as, "POST", "", bundle.toString().getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 200) {
            return problem(redirect, form, KINDS.getFirst(), "Sorry, your readings could not be saved. Try again.");
        }
        redirect.addFlashAttribute("done", "Saved. Your care team can see your readings. If you feel worse, do not wait for them: call 111, "
                + "or 999 in an emergency.");
        return "redirect:/portal/readings";
    }

    private static String problem(RedirectAttributes redirect, Map<String, String> form, Kind kind, String message) {
        redirect.addFlashAttribute("problem", message);
        redirect.addFlashAttribute("problemField", kind.field());
        Map<String, String> draft = new LinkedHashMap<>();
        KINDS.forEach(k -> draft.put(k.field(), form.getOrDefault(k.field(), "")));
        redirect.addFlashAttribute("draft", draft);
        return "redirect:/portal/readings";
    }

    private static String example(Kind kind) {
        return kind.decimals() == 0 ? kind.min().add(kind.max()).divide(BigDecimal.valueOf(2)).setScale(0, java.math.RoundingMode.DOWN).toPlainString() : "37.2";
    }
}
