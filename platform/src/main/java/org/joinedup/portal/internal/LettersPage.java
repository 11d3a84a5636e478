package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import org.joinedup.access.PatientAccess;
import org.joinedup.fhir.FhirAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Letters and documents ({@code /portal/letters}): clinic letters, discharge summaries and reports in the record
 * being looked at, newest first; each read in the page (text) or in the browser's own viewer (a PDF), through the
 * FHIR API as the patient (records labelled as hidden from patients never appear).
 */
@Controller
class LettersPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final PortalRecords records;
    private final PatientAccess access;
    private final PortalFhir fhir;

    LettersPage(PortalRecords records, PatientAccess access, PortalFhir fhir) {
        this.records = records;
        this.access = access;
        this.fhir = fhir;
    }

    /** A letter as listed. Public only so that templates can read it. */
    public record Letter(String id, String title, String from, String date, boolean pdf) {
    }

    @GetMapping("/portal/letters")
    String letters(Authentication authentication, HttpSession session, Model model) {
        RecordChoice current = records.required(authentication, session);
        model.addAttribute("current", current);
        model.addAttribute("letters", fhir.search(access.of(authentication), "DocumentReference?patient=Patient/" + current.patientId()
                + "&status=current&_sort=-date&_count=100").stream().map(LettersPage::letter).toList());
        return "portal/letters";
    }

    @GetMapping("/portal/letters/{id}")
    String letter(Authentication authentication, HttpSession session, @PathVariable String id, Model model) {
        RecordChoice current = records.required(authentication, session);
        JsonNode document = fhir.inRecord(access.of(authentication), current, "DocumentReference", id, "/subject/reference");
        JsonNode attachment = document.at("/content/0/attachment");
        String type = attachment.path("contentType").asText("");
        model.addAttribute("letter", letter(document));
        model.addAttribute("text", type.startsWith("text/") && attachment.has("data")
                ? new String(Base64.getDecoder().decode(attachment.path("data").asText()), StandardCharsets.UTF_8) : null);
        return "portal/letter";
    }

    @GetMapping("/portal/letters/{id}/content")
    ResponseEntity<byte[]> content(Authentication authentication, HttpSession session, @PathVariable String id) {
        RecordChoice current = records.required(authentication, session);
        FhirAccess as = access.of(authentication);
        JsonNode attachment = fhir.inRecord(as, current, "DocumentReference", id, "/subject/reference").at("/content/0/attachment");
        byte[] bytes;
        if (attachment.has("data")) {
            bytes = Base64.getDecoder().decode(attachment.path("data").asText());
        } else if (attachment.path("url").asText("").startsWith("Binary/")) {
            bytes = Base64.getDecoder().decode(fhir.read(as, attachment.path("url").asText()).path("data").asText(""));
        } else {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This letter is not held here");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.path("contentType").asText("application/octet-stream")))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline").header("X-Content-Type-Options", "nosniff").body(bytes);
    }

    private static Letter letter(JsonNode document) {
        String date = document.path("date").asText("");
        String from = document.at("/custodian/display").asText(document.at("/author/0/display").asText(""));
        String title = document.path("description").asText(document.at("/content/0/attachment/title").asText(document.at("/type/text").asText(
                document.at("/type/coding/0/display").asText("Letter"))));
        return new Letter(document.path("id").asText(), title, from, date.length() >= 10 ? DAY.format(LocalDate.parse(date.substring(0, 10))) : "",
                "application/pdf".equals(document.at("/content/0/attachment/contentType").asText()));
    }
}
