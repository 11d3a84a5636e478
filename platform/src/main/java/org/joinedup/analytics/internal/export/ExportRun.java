package org.joinedup.analytics.internal.export;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.joinedup.analytics.internal.SearchPage;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;

/**
 * One export's work: for each type, each of its filters and each slice of the patients it covers, the store's search
 * read page by page through {@link FhirApi} as the requester (so their access applies inside each query and each page
 * is audited), every resource written to the type's NDJSON files as the store sent it. A page at a time is held.
 * A search the store refuses is written to the export's error file as its OperationOutcome; the rest go on.
 *
 * @param patients the patient compartments the export covers: null for the whole store (system level), an empty
 *                 list for every patient's (Patient level), else the Group's members
 */
record ExportRun(UUID id, FhirAccess caller, ExportRequest request, List<String> types, List<String> patients, Instant transactionTime,
                 Path directory, int mostPerFile) {

    private static final int PAGE = 1000;
    private static final int PATIENTS_PER_SEARCH = 200;

    /** What the run reports as it goes. */
    interface Report {
        void file(ExportJobs.File file);

        void progress(String progress);
    }

    void run(FhirApi fhir, Report report, BooleanSupplier stopped) throws IOException {
        Files.createDirectories(directory);
        int[] seq = {0};
        List<byte[]> errors = new ArrayList<>();
        long exported = 0;
        for (int t = 0; t < types.size() && !stopped.getAsBoolean(); t++) {
            String type = types.get(t);
            List<String> filters = request.filtersFor(type);
            Set<String> seen = filters.size() > 1 ? new HashSet<>() : null; // a resource matching two filters is written once
            try (NdjsonFiles files = new NdjsonFiles(directory, type, mostPerFile,
                    (name, count) -> report.file(new ExportJobs.File(++seq[0], type, false, count, name)))) {
                for (String filter : filters) {
                    for (String compartment : compartments()) {
                        String page = type + "?" + query(filter, compartment);
                        while (page != null && !stopped.getAsBoolean()) {
                            FhirApi.Answer answer = fhir.handle(caller, "GET", page, null);
                            if (answer.status() != 200) {
                                errors.add(answer.body());
                                break;
                            }
                            SearchPage found = SearchPage.of(answer.body());
                            for (SearchPage.Slice slice : found.resources()) {
                                if (seen == null || seen.add(ResourceIds.of(slice))) {
                                    files.write(slice.page(), slice.start(), slice.end());
                                }
                            }
                            page = found.next();
                            report.progress(type + " (" + (t + 1) + " of " + types.size() + " types): " + (exported + files.total()) + " resources");
                        }
                    }
                }
                exported += files.total();
            }
        }
        if (!errors.isEmpty()) {
            writeErrors(errors, report, ++seq[0]);
        }
    }

    /** The compartment condition of each search: none, any patient's, or the members a slice at a time. */
    private List<String> compartments() {
        if (patients == null) {
            return List.of("");
        }
        if (patients.isEmpty()) {
            return List.of("&_compartment=Patient");
        }
        List<String> slices = new ArrayList<>();
        for (int from = 0; from < patients.size(); from += PATIENTS_PER_SEARCH) {
            slices.add("&_compartment=" + String.join(",", patients.subList(from, Math.min(patients.size(), from + PATIENTS_PER_SEARCH))
                    .stream().map(p -> URLEncoder.encode("Patient/" + p, StandardCharsets.UTF_8)).toList()));
        }
        return slices;
    }

    private String query(String filter, String compartment) {
        return (filter.isEmpty() ? "" : filter + "&") + "_count=" + PAGE + compartment
                + (request.since() == null ? "" : "&_lastUpdated=gt" + request.since()) + "&_lastUpdated=le" + transactionTime;
    }

    private void writeErrors(List<byte[]> errors, Report report, int seq) throws IOException {
        String name = "OperationOutcome-errors.ndjson";
        try (OutputStream out = Files.newOutputStream(directory.resolve(name))) {
            for (byte[] outcome : errors) {
                out.write(new String(outcome, StandardCharsets.UTF_8).replace("\n", "").getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
        report.file(new ExportJobs.File(seq, "OperationOutcome", true, errors.size(), name));
    }
}
