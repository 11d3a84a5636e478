package org.joinedup.analytics.internal.export;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.joinedup.analytics.AnalyticsProperties;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAction;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FhirOperation;
import org.joinedup.analytics.internal.Outcome;

/**
 * A bulk export's kick-off ({@code GET /fhir/$export}, {@code /fhir/Patient/$export}, {@code /fhir/Group/<id>/$export}):
 * for system clients (SMART Backend Services) only, with {@code Prefer: respond-async}; checks the request, records it,
 * hands it to the {@link ExportRunner} and answers 202 with the status address in {@code Content-Location}.
 */
final class ExportKickOff implements FhirOperation {

    private final ExportRequest.Level level;
    private final ExportJobs jobs;
    private final ExportRunner runner;
    private final FhirApi fhir;
    private final AnalyticsProperties properties;
    private final String base;
    private volatile Set<String> types;

    ExportKickOff(ExportRequest.Level level, ExportJobs jobs, ExportRunner runner, FhirApi fhir, AnalyticsProperties properties, String base) {
        this.level = level;
        this.jobs = jobs;
        this.runner = runner;
        this.fhir = fhir;
        this.properties = properties;
        this.base = base;
    }

    /** The types this level covers (all, or those of the Patient compartment); worked out at the first kick-off, not at start-up. */
    private Set<String> types() {
        Set<String> known = types;
        if (known == null) {
            FhirContext context = FhirContext.forR4Cached();
            known = types = context.getResourceTypes().stream().filter(type -> level == ExportRequest.Level.SYSTEM || type.equals("Patient")
                            || !context.getResourceDefinition(type).getSearchParamsForCompartmentName("Patient").isEmpty())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }
        return known;
    }

    @Override
    public String resourceType() {
        return switch (level) {
            case SYSTEM -> SYSTEM;
            case PATIENT -> "Patient";
            case GROUP -> "Group";
        };
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String definition() {
        return "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/" + switch (level) {
            case SYSTEM -> "export";
            case PATIENT -> "patient-export";
            case GROUP -> "group-export";
        };
    }

    @Override
    public FhirApi.Answer invoke(FhirAccess caller, String method, String id, Map<String, List<String>> parameters, byte[] body) {
        return invoke(caller, method, id, parameters, body, Map.of());
    }

    @Override
    public FhirApi.Answer invoke(FhirAccess caller, String method, String id, Map<String, List<String>> parameters, byte[] body,
                                 Map<String, String> headers) {
        if (!"GET".equals(method)) {
            return Outcome.of(405, "not-supported", "Kick off an export with GET (parameters in the query)");
        }
        if ((level == ExportRequest.Level.GROUP) != (id != null)) {
            return Outcome.of(404, "not-found", "$export is at the system level, on Patient, or on one Group");
        }
        if (!"system".equals(caller.agent().kind())) {
            return Outcome.of(403, "forbidden", "Bulk export is for system clients (SMART Backend Services) with system scopes");
        }
        if (!String.valueOf(headers.get("prefer")).contains("respond-async")) {
            return Outcome.of(400, "invalid", "An export runs asynchronously: send the header Prefer: respond-async");
        }
        ExportRequest request;
        List<String> patients;
        try {
            request = ExportRequest.of(level, id, parameters, types());
            patients = level == ExportRequest.Level.SYSTEM ? null : level == ExportRequest.Level.PATIENT ? List.of() : members(caller, id);
        } catch (ExportRequest.Refused refused) {
            return Outcome.of(refused.code.equals("forbidden") ? 403 : refused.code.equals("not-found") ? 404 : 400, refused.code, refused.getMessage());
        }
        List<String> chosen = new ArrayList<>();
        for (String type : request.types().isEmpty() ? types() : request.types()) {
            if (caller.permissions().allows(type, FhirAction.SEARCH)) {
                chosen.add(type);
            } else if (!request.types().isEmpty()) {
                return Outcome.of(403, "forbidden", "The client's scopes do not allow it to read " + type + " resources");
            }
        }
        UUID job = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jobs.create(job, caller.agent().who(), caller.agent().clientId(), request(id, parameters), now);
        runner.submit(new ExportRun(job, caller, request, List.copyOf(chosen), patients, now, runner.directory(job), properties.exportFileResources()));
        return Outcome.of(202, "informational", "The export has started; ask for its status at the Content-Location")
                .withHeader("Content-Location", base + "/$export-poll-status?_jobId=" + job);
    }

    /** The Group's members (patients), read as the caller: a Group they may not read cannot be exported. */
    private List<String> members(FhirAccess caller, String group) {
        FhirApi.Answer read = fhir.handle(caller, "GET", "Group/" + group, null);
        if (read.status() != 200) {
            throw new ExportRequest.Refused(read.status() == 403 ? "forbidden" : "not-found", "There is no Group " + group + " the client may read");
        }
        List<String> members = new ArrayList<>();
        read.json().path("member").forEach(member -> {
            String reference = member.at("/entity/reference").asText();
            if (reference.startsWith("Patient/") && !member.path("inactive").asBoolean(false)) {
                members.add(reference.substring("Patient/".length()));
            }
        });
        if (members.isEmpty()) {
            throw new ExportRequest.Refused("invalid", "Group " + group + " has no active patient members to export");
        }
        return members;
    }

    private String request(String id, Map<String, List<String>> parameters) {
        String path = switch (level) {
            case SYSTEM -> "$export";
            case PATIENT -> "Patient/$export";
            case GROUP -> "Group/" + id + "/$export";
        };
        String query = parameters.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "="
                + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))).collect(Collectors.joining("&"));
        return base + "/" + path + (query.isEmpty() ? "" : "?" + query);
    }
}
