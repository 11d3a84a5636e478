package org.joinedup.analytics.internal;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.joinedup.analytics.ViewDefinitionException;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAction;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FhirOperation;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/ViewDefinition/$run} (SQL on FHIR v2): runs the ViewDefinition given as the {@code viewResource}
 * parameter over the store's resources of its type, as the caller (their scopes and the records they may see apply
 * inside every search, and each page read is audited), optionally for one {@code patient}, and answers the rows as a
 * JSON array, or as NDJSON or CSV ({@code _format}). The store is read a page at a time; the rows are gathered up to
 * {@value #MOST_ROWS} (more: use the view's export, to come).
 */
@Component
class ViewRunOperation implements FhirOperation {

    static final int MOST_ROWS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirApi fhir;
    private final ViewRunner runner;

    ViewRunOperation(FhirApi fhir) {
        this.fhir = fhir;
        this.runner = new ViewRunner(FhirContext.forR4Cached());
    }

    @Override
    public String resourceType() {
        return "ViewDefinition";
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public FhirApi.Answer invoke(FhirAccess caller, String method, String id, Map<String, List<String>> parameters, byte[] body) {
        if (!"POST".equals(method) || body == null) {
            return Outcome.of(405, "not-supported", "$run takes a POST with a Parameters body holding the view as viewResource");
        }
        JsonNode view = null;
        String patient = first(parameters, "patient");
        String format = first(parameters, "_format");
        try {
            for (JsonNode parameter : JSON.readTree(body).path("parameter")) {
                switch (parameter.path("name").asText()) {
                    case "viewResource" -> view = parameter.path("resource");
                    case "patient" -> patient = parameter.at("/valueReference/reference").asText(parameter.path("valueString").asText(null));
                    case "_format" -> format = parameter.path("valueCode").asText(parameter.path("valueString").asText(null));
                    default -> { }
                }
            }
        } catch (IOException e) {
            return Outcome.of(400, "invalid", "The body is not JSON: " + e.getMessage());
        }
        if (view == null || view.isMissingNode()) {
            return Outcome.of(400, "required", "Give the view to run as the viewResource parameter");
        }
        ViewRunner.View checked;
        try {
            checked = runner.view(view);
        } catch (ViewDefinitionException e) {
            return Outcome.of(400, "invalid", e.getMessage());
        }
        if (!caller.permissions().allows(checked.resource(), FhirAction.SEARCH)) {
            return Outcome.of(403, "forbidden", "The caller may not search " + checked.resource() + " resources");
        }
        ArrayNode rows = JSON.createArrayNode();
        String page = checked.resource() + "?_count=500" + (patient == null ? "" : checked.resource().equals("Patient")
                ? "&_id=" + patient.replaceFirst("^Patient/", "") : "&patient=" + patient);
        try {
            while (page != null) {
                FhirApi.Answer answer = fhir.handle(caller, "GET", page, null);
                if (answer.status() != 200) {
                    return answer;
                }
                JsonNode bundle = answer.json();
                for (JsonNode entry : bundle.path("entry")) {
                    for (Map<String, Object> row : checked.rows(runner.parse(entry.path("resource")))) {
                        if (rows.size() >= MOST_ROWS) {
                            return Outcome.of(413, "too-costly", "The view makes more than " + MOST_ROWS + " rows: narrow it (where, patient)");
                        }
                        rows.add(JSON.valueToTree(row));
                    }
                }
                page = null;
                for (JsonNode link : bundle.path("link")) {
                    if ("next".equals(link.path("relation").asText())) {
                        page = link.path("url").asText().replaceFirst("^.*?/fhir/", "");
                    }
                }
            }
        } catch (ViewDefinitionException e) {
            return Outcome.of(422, "processing", e.getMessage());
        }
        String chosen = format == null ? "json" : format;
        String text = switch (chosen) {
            case "ndjson", "application/x-ndjson", "application/ndjson" -> ndjson(rows);
            case "csv", "text/csv" -> ViewCsv.of(checked.columns(), rows);
            default -> rows.toString();
        };
        String type = switch (chosen) {
            case "ndjson", "application/x-ndjson", "application/ndjson" -> "application/x-ndjson";
            case "csv", "text/csv" -> "text/csv;charset=UTF-8";
            default -> "application/json";
        };
        return new FhirApi.Answer(200, text.getBytes(StandardCharsets.UTF_8)).withHeader("Content-Type", type);
    }

    private static String ndjson(ArrayNode rows) {
        StringBuilder out = new StringBuilder();
        rows.forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
