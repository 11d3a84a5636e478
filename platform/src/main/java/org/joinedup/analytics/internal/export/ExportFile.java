package org.joinedup.analytics.internal.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joinedup.analytics.internal.Outcome;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FhirOperation;

/**
 * {@code /fhir/$export-file?_jobId=<id>&_file=<n>}: one NDJSON file of a complete export, streamed from disk to the
 * client that kicked it off (anyone else, or an export expired: 404).
 */
final class ExportFile implements FhirOperation {

    private final ExportJobs jobs;
    private final ExportRunner runner;

    ExportFile(ExportJobs jobs, ExportRunner runner) {
        this.jobs = jobs;
        this.runner = runner;
    }

    @Override
    public String resourceType() {
        return SYSTEM;
    }

    @Override
    public String name() {
        return "export-file";
    }

    @Override
    public FhirApi.Answer invoke(FhirAccess caller, String method, String id, Map<String, List<String>> parameters, byte[] body) {
        if (!method.equals("GET")) {
            return Outcome.of(405, "not-supported", "Download an export's file with GET");
        }
        Optional<ExportJobs.Job> job = ExportStatus.Jobs.owned(jobs, caller, parameters.get("_jobId")).filter(j -> j.status().equals("complete"));
        String seq = parameters.getOrDefault("_file", List.of("")).getFirst();
        Optional<ExportJobs.File> file = job.flatMap(j -> jobs.files(j.id()).stream().filter(f -> String.valueOf(f.seq()).equals(seq)).findFirst());
        if (file.isEmpty()) {
            return Outcome.of(404, "not-found", "There is no such file of a complete export of this client (it may have expired)");
        }
        Path path = runner.directory(job.get().id()).resolve(file.get().name());
        if (!Files.isReadable(path)) {
            return Outcome.of(404, "not-found", "The export's file is no longer kept");
        }
        return FhirApi.Answer.streamed("application/fhir+ndjson", out -> Files.copy(path, out));
    }
}
