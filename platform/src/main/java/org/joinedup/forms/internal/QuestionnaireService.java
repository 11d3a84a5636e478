package org.joinedup.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.Visibility;
import org.joinedup.forms.Answers;
import org.joinedup.forms.Form;
import org.joinedup.forms.Questionnaires;
import org.springframework.stereotype.Component;

/**
 * Drafts and completed answers, read and written through the FHIR API as the patient. A completed answer, its
 * score (an Observation derived from it) and its flags (Flags for the care team; an urgent one marked high
 * priority) are written in one transaction, so a flag is never lost while the answer is kept.
 */
@Component
class QuestionnaireService implements Questionnaires {

    private static final String PRIORITY = "http://hl7.org/fhir/StructureDefinition/flag-priority";
    /** What a response is about when basedOn cannot say (an episode of patient-initiated follow-up). */
    static final String ABOUT = "https://fhir.joinedup.nhs.uk/StructureDefinition/questionnaire-about";

    private final FormLibrary library;
    private final FhirApi fhir;

    QuestionnaireService(FormLibrary library, FhirApi fhir) {
        this.library = library;
        this.fhir = fhir;
    }

    @Override
    public List<Form> all() {
        return library.all().stream().map(FormLibrary.Shipped::form).toList();
    }

    @Override
    public Optional<Form> named(String name) {
        return Optional.ofNullable(library.named(name)).map(FormLibrary.Shipped::form);
    }

    @Override
    public Map<String, String> problems(Form form, Answers answers) {
        return AnswerCheck.problems(form, answers);
    }

    @Override
    public Answers draft(FhirAccess as, String patientId, Form form) {
        Optional<JsonNode> draft = draftOf(as, patientId, form);
        if (draft.isEmpty() && library.named(form.name()).rules().rules().path("prefillFromLatest").asBoolean()) {
            draft = latest(as, patientId, form, "completed"); // preferences are changed, not answered afresh
        }
        return draft.map(response -> ResponseBuilder.answers(form, response)).orElseGet(Answers::new);
    }

    @Override
    public Kept keepPhoto(String filename, byte[] data) {
        return PhotoKeeper.keep(filename, data);
    }

    @Override
    public void saveDraft(FhirAccess as, String patientId, Form form, Answers answers) {
        ObjectNode response = ResponseBuilder.response(form, patientId, answers, "in-progress");
        Optional<JsonNode> draft = draftOf(as, patientId, form);
        ArrayNode entries = ResponseBuilder.JSON.createArrayNode();
        entry(entries, response, draft.map(d -> d.path("id").asText()).orElse(null));
        write(as, entries);
    }

    @Override
    public Result submit(FhirAccess as, String patientId, Form form, Answers answers, String about) {
        FormRules rules = library.named(form.name()).rules();
        for (FormRules.Effect effect : rules.effects()) { // first, so that a refusal (a window ended) stores nothing
            if (about == null || !about.startsWith(effect.on() + "/")) {
                return new Result(null, null, null, List.of(), false, null, "This questionnaire must be opened from the message about it");
            }
            ObjectNode parameters = ResponseBuilder.JSON.createObjectNode().put("resourceType", "Parameters");
            ArrayNode list = parameters.putArray("parameter");
            effect.parameters().forEach((name, linkId) -> list.addObject().put("name", name).put("valueString",
                    java.util.Objects.requireNonNullElse(answers.get(linkId), "")));
            FhirApi.Answer done = fhir.handle(as, "POST", about + "/" + effect.operation(), parameters.toString().getBytes(StandardCharsets.UTF_8));
            if (done.status() >= 300) {
                return new Result(null, null, null, List.of(), false, null, done.json().at("/issue/0/diagnostics").asText("That could not be done"));
            }
        }
        ObjectNode response = ResponseBuilder.response(form, patientId, answers, "completed");
        if (about != null && (about.startsWith("ServiceRequest/") || about.startsWith("CarePlan/"))) {
            response.putArray("basedOn").addObject().put("reference", about);
        } else if (about != null) {
            response.putArray("extension").addObject().put("url", ABOUT).putObject("valueReference").put("reference", about);
        }
        Optional<JsonNode> draft = draftOf(as, patientId, form);
        String responseUrl = draft.map(d -> "QuestionnaireResponse/" + d.path("id").asText()).orElse("urn:uuid:" + java.util.UUID.randomUUID());
        ArrayNode entries = ResponseBuilder.JSON.createArrayNode();
        ObjectNode first = entry(entries, response, draft.map(d -> d.path("id").asText()).orElse(null));
        if (draft.isEmpty()) {
            first.put("fullUrl", responseUrl); // the score's derivedFrom names it before it has an id
        }
        Integer score = null;
        String band = null;
        if (rules.scored()) {
            score = rules.score(form, answers);
            band = rules.band(score);
            ObjectNode observation = ResponseBuilder.JSON.createObjectNode().put("resourceType", "Observation").put("status", "final");
            observation.putArray("category").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "survey").put("display", "Survey");
            observation.putObject("code").put("text", rules.scoreCode().path("display").asText()).putArray("coding").add(rules.scoreCode());
            observation.putObject("subject").put("reference", "Patient/" + patientId);
            observation.put("effectiveDateTime", now());
            observation.putArray("performer").addObject().put("reference", "Patient/" + patientId);
            observation.put("valueInteger", score);
            if (band != null) {
                observation.putArray("interpretation").addObject().put("text", band);
            }
            observation.putArray("derivedFrom").addObject().put("reference", responseUrl);
            entry(entries, observation, null);
        }
        List<FormRules.Flag> flags = rules.flags(form, answers);
        for (FormRules.Flag raised : flags) {
            ObjectNode flag = ResponseBuilder.JSON.createObjectNode().put("resourceType", "Flag").put("status", "active");
            flag.putArray("category").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/flag-category").put("code", "clinical").put("display", "Clinical");
            flag.putObject("code").put("text", (raised.urgent() ? "Urgent: " : "") + raised.text()
                    + (raised.route() == null ? "" : " (route: " + raised.route() + ")"));
            flag.putObject("subject").put("reference", "Patient/" + patientId);
            flag.putObject("period").put("start", now());
            flag.putObject("author").put("display", "Questionnaire rules: " + form.title());
            if (raised.urgent()) {
                flag.putArray("extension").addObject().put("url", PRIORITY).putObject("valueCodeableConcept").putArray("coding").addObject()
                        .put("system", "http://hl7.org/fhir/flag-priority-code").put("code", "PH").put("display", "High priority");
            }
            entry(entries, flag, null);
        }
        // the patient writes their answer and score; the rules' Flags are written in the same transaction with the right to
        FhirAccess writer = new FhirAccess(as.agent(), (type, action) -> "Flag".equals(type) || as.permissions().allows(type, action),
                Visibility.EVERYTHING, false);
        JsonNode written = write(writer, entries);
        String id = FhirApi.Answer.written(written, 0).replaceFirst(".*/", "");
        return new Result(id, score, band, flags.stream().map(FormRules.Flag::text).toList(), flags.stream().anyMatch(FormRules.Flag::urgent),
                rules.thanks(answers), null);
    }

    private Optional<JsonNode> draftOf(FhirAccess as, String patientId, Form form) {
        return latest(as, patientId, form, "in-progress");
    }

    private Optional<JsonNode> latest(FhirAccess as, String patientId, Form form, String status) {
        FhirApi.Answer answer = fhir.handle(as, "GET", "QuestionnaireResponse?subject=Patient/" + patientId + "&status=" + status
                + "&_sort=-authored&_count=100", null);
        if (answer.status() != 200) {
            return Optional.empty();
        }
        String canonical = form.url() + (form.version().isEmpty() ? "" : "|" + form.version());
        for (JsonNode response : answer.matches()) {
            if (canonical.equals(response.path("questionnaire").asText())) {
                return Optional.of(response);
            }
        }
        return Optional.empty();
    }

    private static ObjectNode entry(ArrayNode entries, ObjectNode resource, String id) {
        ObjectNode entry = entries.addObject();
        String type = resource.path("resourceType").asText();
        if (id != null) {
            resource.put("id", id);
        }
        entry.set("resource", resource);
        entry.putObject("request").put("method", id == null ? "POST" : "PUT").put("url", id == null ? type : type + "/" + id);
        return entry;
    }

    private JsonNode write(FhirAccess as, ArrayNode entries) {
        ObjectNode bundle = ResponseBuilder.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
        bundle.set("entry", entries);
        FhirApi.Answer answer = fhir.handle(as, "POST", "", bundle.toString().getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 200) {
            throw new IllegalStateException("The answers could not be saved: " + answer.status() + " " + answer.text());
        }
        return answer.json();
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
