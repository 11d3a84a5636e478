package org.joinedup.record.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A patient's answers to a questionnaire ({@code /staff/patients/{id}/questionnaires/{response}}), as the care team
 * reads them: each question with its answers in words, groups as headings (each answer of a repeating group in turn),
 * and photos shown in the page. Read through the FHIR API as the member of staff, like every page of the record.
 */
@Controller
class QuestionnaireAnswersPage {

    private final PatientRecords records;
    private final RecordReader reader;

    QuestionnaireAnswersPage(PatientRecords records, RecordReader reader) {
        this.records = records;
        this.reader = reader;
    }

    /** One line of the answers: a heading (a group) or a question with its answers in words and the numbers of its photos. */
    public record Line(boolean heading, String text, List<String> answers, List<Integer> photos) {
    }

    @GetMapping("/staff/patients/{id}/questionnaires/{response}")
    String answers(Authentication authentication, @PathVariable String id, @PathVariable String response, Model model) {
        PatientRecords.Opened opened = records.open(authentication, id, model);
        if (opened == null) {
            return PatientRecords.REFUSED;
        }
        JsonNode answers = read(opened, id, response);
        List<Line> lines = new ArrayList<>();
        walk(answers.path("item"), lines, new int[] {0});
        model.addAttribute("title", title(opened, answers));
        model.addAttribute("when", SummaryItem.day(answers.path("authored").asText(null)));
        model.addAttribute("status", answers.path("status").asText());
        model.addAttribute("responseId", response);
        model.addAttribute("lines", lines);
        records.readWithBanner(opened, List.of(), model);
        return "staff/patient-questionnaire";
    }

    /** The n-th photo in the answers, for the page to show. */
    @GetMapping("/staff/patients/{id}/questionnaires/{response}/photo")
    ResponseEntity<byte[]> photo(Authentication authentication, @PathVariable String id, @PathVariable String response, @RequestParam int n) {
        PatientRecords.Opened opened = records.open(authentication, id, new org.springframework.ui.ExtendedModelMap());
        if (opened == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You have no legitimate relationship with this patient");
        }
        List<JsonNode> photos = read(opened, id, response).findValues("valueAttachment");
        if (n < 0 || n >= photos.size() || !photos.get(n).has("data") || !photos.get(n).path("contentType").asText().startsWith("image/")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such photo");
        }
        JsonNode photo = photos.get(n);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.path("contentType").asText())).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store").body(Base64.getDecoder().decode(photo.path("data").asText()));
    }

    /** The questions in order; photos numbered as {@code findValues} meets them (depth first, in document order). */
    private static void walk(JsonNode items, List<Line> lines, int[] photo) {
        for (JsonNode item : items) {
            List<String> words = new ArrayList<>();
            List<Integer> photos = new ArrayList<>();
            for (JsonNode answer : item.path("answer")) {
                if (answer.has("valueAttachment")) {
                    photos.add(photo[0]++);
                    words.add("Photo: " + answer.at("/valueAttachment/title").asText("photo"));
                } else if (answer.has("valueCoding")) {
                    words.add(answer.at("/valueCoding/display").asText(answer.at("/valueCoding/code").asText()));
                } else if (answer.has("valueBoolean")) {
                    words.add(answer.path("valueBoolean").asBoolean() ? "Yes" : "No");
                } else {
                    answer.properties().stream().filter(f -> f.getKey().startsWith("value")).findFirst().ifPresent(f -> words.add(f.getValue().asText()));
                }
            }
            boolean group = !item.has("answer") && item.has("item");
            lines.add(new Line(group, item.path("text").asText(item.path("linkId").asText()), words, photos));
            walk(item.path("item"), lines, photo);
        }
    }

    private String title(PatientRecords.Opened opened, JsonNode answers) {
        String canonical = answers.path("questionnaire").asText("");
        String[] parts = canonical.split("\\|", 2);
        RecordReader.Read found = reader.get(opened.access(), "Questionnaire?url=" + URLEncoder.encode(parts[0], StandardCharsets.UTF_8)
                + (parts.length > 1 ? "&version=" + URLEncoder.encode(parts[1], StandardCharsets.UTF_8) : ""));
        return found.ok() && !found.matches().isEmpty() ? found.matches().getFirst().path("title").asText("Questionnaire") : "Questionnaire";
    }

    private JsonNode read(PatientRecords.Opened opened, String patient, String response) {
        if (!response.matches("[A-Za-z0-9.-]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There are no such answers");
        }
        RecordReader.Read answers = reader.get(opened.access(), "QuestionnaireResponse/" + response);
        if (!answers.ok() || !("Patient/" + patient).equals(answers.json().at("/subject/reference").asText())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There are no such answers in this patient's record");
        }
        return answers.json();
    }
}
