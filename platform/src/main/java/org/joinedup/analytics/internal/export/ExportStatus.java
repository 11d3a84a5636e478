package org.joinedup.analytics.internal.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.joinedup.analytics.internal.Outcome;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FhirOperation;

/**
 * {@code /fhir/$export-poll-status?_jobId=<id>}: an export's status for the client that kicked it off (anyone else:
 * 404). GET: 202 with {@code X-Progress} while it runs, 200 with the manifest once complete, 500 with an
 * OperationOutcome if it failed; DELETE: cancels it (202) and its files go.
 */
final class ExportStatus implements FhirOperation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExportJobs jobs;
    private final ExportRunner runner;
    private final String base;

    ExportStatus(ExportJobs jobs, ExportRunner runner, String base) {
        this.jobs = jobs;
        this.runner = runner;
        this.base = base;
    }

    @Override
    public String resourceType() {
        return SYSTEM;
    }

    @Override
    public String name() {
        return "export-poll-status";
    }

    @Override
    public FhirApi.Answer invoke(FhirAccess caller, String method, String id, Map<String, List<String>> parameters, byte[] body) {
        Optional<ExportJobs.Job> found = Jobs.owned(jobs, caller, parameters.get("_jobId"));
        if (found.isEmpty() || List.of("cancelled", "expired").contains(found.get().status())) {
            return Outcome.of(404, "not-found", "There is no export of this client with that _jobId (it may have expired or been cancelled)");
        }
        ExportJobs.Job job = found.get();
        if (method.equals("DELETE")) {
            jobs.cancel(job.id());
            ExportRunner.remove(runner.directory(job.id()));
            return Outcome.of(202, "informational", "The export is cancelled and its files removed");
        }
        if (!method.equals("GET")) {
            return Outcome.of(405, "not-supported", "Ask for an export's status with GET, or cancel it with DELETE");
        }
        return switch (job.status()) {
            case "complete" -> new FhirApi.Answer(200, manifest(job).getBytes(StandardCharsets.UTF_8))
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Expires", DateTimeFormatter.RFC_1123_DATE_TIME.format(job.expires().atOffset(ZoneOffset.UTC)));
            case "failed" -> Outcome.of(500, "exception", job.error());
            default -> Outcome.of(202, "informational", "The export is " + job.status())
                    .withHeader("X-Progress", job.progress() == null ? "waiting to start" : job.progress())
                    .withHeader("Retry-After", "2");
        };
    }

    private String manifest(ExportJobs.Job job) {
        ObjectNode manifest = JSON.createObjectNode().put("transactionTime", job.transactionTime().toString()).put("request", job.request())
                .put("requiresAccessToken", true);
        ArrayNode output = manifest.putArray("output");
        ArrayNode error = manifest.putArray("error");
        for (ExportJobs.File file : jobs.files(job.id())) {
            (file.error() ? error : output).addObject().put("type", file.type())
                    .put("url", base + "/$export-file?_jobId=" + job.id() + "&_file=" + file.seq()).put("count", file.resources());
        }
        return manifest.toString();
    }

    /** Finding an export by the _jobId parameter, for its own client only. */
    static final class Jobs {

        private Jobs() {
        }

        static Optional<ExportJobs.Job> owned(ExportJobs jobs, FhirAccess caller, List<String> ids) {
            if (ids == null || ids.isEmpty()) {
                return Optional.empty();
            }
            UUID id;
            try {
                id = UUID.fromString(ids.getFirst());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            return jobs.find(id).filter(job -> job.belongsTo(caller.agent().who(), caller.agent().clientId()));
        }
    }
}
