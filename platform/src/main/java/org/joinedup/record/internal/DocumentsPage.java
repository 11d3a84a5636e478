package org.joinedup.record.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
 * A patient's letters and reports ({@code /staff/patients/{id}/documents}): the list with their metadata, each
 * viewable in the browser (text shown in the page; a PDF or other file opened inline by the browser's own viewer);
 * and the questionnaires the patient answered, each opening its answers.
 * Every document is read through the FHIR API as the member of staff.
 */
@Controller
class DocumentsPage {

    private final PatientRecords records;
    private final RecordReader reader;

    DocumentsPage(PatientRecords records, RecordReader reader) {
        this.records = records;
        this.reader = reader;
    }

    /** A document as listed: what, of what type, by whom, when, and its format. */
    public record Listed(String id, String title, String type, String author, String when, String format) {
    }

    @GetMapping("/staff/patients/{id}/documents")
    String documents(Authentication authentication, @PathVariable String id, Model model) {
        PatientRecords.Opened opened = records.open(authentication, id, model);
        if (opened == null) {
            return PatientRecords.REFUSED;
        }
        List<RecordReader.Read> reads = records.readWithBanner(opened, List.of("DocumentReference?patient=" + id + "&_sort=-date&_count=200",
                "QuestionnaireResponse?subject=Patient/" + id + "&status=completed&_sort=-authored&_count=100", "Questionnaire?_count=200"), model);
        model.addAttribute("documents", reads.getFirst().matches().stream().map(DocumentsPage::listed).toList());
        java.util.Map<String, String> titles = new java.util.HashMap<>();
        reads.get(2).matches().forEach(q -> titles.put(q.path("url").asText() + "|" + q.path("version").asText(""), q.path("title").asText("Questionnaire")));
        model.addAttribute("questionnaires", reads.get(1).matches().stream().map(r -> new Listed(r.path("id").asText(),
                titles.getOrDefault(r.path("questionnaire").asText().contains("|") ? r.path("questionnaire").asText() : r.path("questionnaire").asText() + "|",
                        "Questionnaire"), "Questionnaire answers", "The patient", SummaryItem.day(r.path("authored").asText(null)),
                r.findValues("valueAttachment").isEmpty() ? "Answers" : "Answers with photos")).toList());
        return "staff/patient-documents";
    }

    @GetMapping("/staff/patients/{id}/documents/{document}")
    String document(Authentication authentication, @PathVariable String id, @PathVariable String document, Model model) {
        PatientRecords.Opened opened = records.open(authentication, id, model);
        if (opened == null) {
            return PatientRecords.REFUSED;
        }
        JsonNode doc = read(opened, id, document);
        JsonNode attachment = doc.at("/content/0/attachment");
        String type = attachment.path("contentType").asText("");
        model.addAttribute("document", listed(doc));
        model.addAttribute("text", type.startsWith("text/") && attachment.has("data")
                ? new String(Base64.getDecoder().decode(attachment.path("data").asText()), StandardCharsets.UTF_8) : null);
        model.addAttribute("file", !type.startsWith("text/") && (attachment.has("data") || attachment.has("url")));
        records.readWithBanner(opened, List.of(), model);
        return "staff/patient-document";
    }

    /** The document's content as it was sent (a PDF, an image, text), for the browser to show inline. */
    @GetMapping("/staff/patients/{id}/documents/{document}/content")
    ResponseEntity<byte[]> content(Authentication authentication, @PathVariable String id, @PathVariable String document) {
        PatientRecords.Opened opened = records.open(authentication, id, new org.springframework.ui.ExtendedModelMap());
        if (opened == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You have no legitimate relationship with this patient");
        }
        JsonNode attachment = read(opened, id, document).at("/content/0/attachment");
        byte[] bytes;
        if (attachment.has("data")) {
            bytes = Base64.getDecoder().decode(attachment.path("data").asText());
        } else if (attachment.path("url").asText("").startsWith("Binary/")) {
            RecordReader.Read binary = reader.get(opened.access(), attachment.path("url").asText());
            bytes = binary.ok() ? Base64.getDecoder().decode(binary.json().path("data").asText("")) : new byte[0];
        } else {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This document has no content held here");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.path("contentType").asText("application/octet-stream")))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline").header("X-Content-Type-Options", "nosniff").body(bytes);
    }

    private JsonNode read(PatientRecords.Opened opened, String patient, String document) {
        if (!document.matches("[A-Za-z0-9.-]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such document");
        }
        RecordReader.Read doc = reader.get(opened.access(), "DocumentReference/" + document);
        if (!doc.ok() || !("Patient/" + patient).equals(doc.json().at("/subject/reference").asText())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such document in this patient's record");
        }
        return doc.json();
    }

    private static Listed listed(JsonNode d) {
        String type = d.at("/content/0/attachment/contentType").asText("");
        String format = type.startsWith("text/") ? "Text" : type.equals("application/pdf") ? "PDF" : type.isEmpty() ? "Unknown" : type;
        return new Listed(d.path("id").asText(), d.path("description").asText(d.at("/content/0/attachment/title").asText(SummaryItem.concept(d.path("type")))),
                SummaryItem.concept(d.path("type")), SummaryItem.from(d), SummaryItem.day(d.path("date").asText(null)), format);
    }
}
