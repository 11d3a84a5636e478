package org.joinedup.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clinician's pages under load of record size: the summary of a patient with 2,000 resources and timeline
 * pages of a patient with 10,000, fetched by a signed-in GP (each page read through the FHIR API as them, with
 * the relationship rules and the audit). Prints p50/p99 in milliseconds; see docs/benchmarks.md.
 */
public final class RecordPagesBenchmark {

    private static final Pattern OLDER = Pattern.compile("id=\"older\" href=\"([^\"]+)\"");

    private RecordPagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String java = ProcessHandle.current().info().command().orElse("java");
        Path dataDir = Files.createTempDirectory("joinedup-record-bench");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        int port = 18095;
        System.out.println("JoinedUp record pages benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, " + rounds + " requests a page");
        try {
            try (Platform platform = Platform.start(java, new ArrayList<>(List.of(StoreBenchmark.RECOMMENDED_JVM_OPTIONS.split(" "))),
                    Platform.launch(Path.of("platform/target/joinedup.jar"), null), dataDir, port, log,
                    List.of("--joinedup.demo.region.load=false", "--joinedup.hl7.mllp-port=-1"))) {
                String base = "http://127.0.0.1:" + port;
                String token = DemoToken.fetch(port);
                HttpClient fhir = HttpClient.newHttpClient();
                String practice = post(fhir, base, token, "{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":"
                        + "\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"Y90001\"}],\"name\":\"Demo Practice\"}", "Organization");
                String small = patient(fhir, base, token, practice, "Summary", 2_000);
                String large = patient(fhir, base, token, practice, "Timeline", 10_000);

                PageBrowser browser = PageBrowser.signedIn(base, "gp.clinician");
                browser.time(base + "/staff/patients/" + small, 20); // warm-up
                Latencies summary = browser.time(base + "/staff/patients/" + small, rounds);
                PageBrowser.print("summary, patient with 2,000 resources", summary);
                browser.time(base + "/staff/patients/" + large + "/timeline", 20);
                Latencies first = browser.time(base + "/staff/patients/" + large + "/timeline", rounds);
                PageBrowser.print("timeline, first page of 50, patient with 10,000 resources", first);
                String deep = base + "/staff/patients/" + large + "/timeline";
                for (int page = 0; page < 100; page++) { // 100 pages back: 5,000 events older
                    Matcher older = OLDER.matcher(browser.get(deep));
                    if (!older.find()) {
                        break;
                    }
                    deep = base + older.group(1).replace("&amp;", "&");
                }
                PageBrowser.print("timeline, page 101 (5,000 events back)", browser.time(deep, rounds));
                String search = base + "/staff/patients/" + large + "/timeline?q=";
                PageBrowser.print("timeline search, a word in 5 letters (bisoprolol)", browser.time(search + "bisoprolol", rounds));
                PageBrowser.print("timeline search, a word in 4,500 events (heart)", browser.time(search + "heart", rounds));
            }
        } finally {
            Platform.deleteTree(dataDir);
        }
    }

    /** A patient registered at the practice with this many resources: mostly observations, some stays, medicines, letters. */
    private static String patient(HttpClient fhir, String base, String token, String practice, String family, int resources) throws Exception {
        String patient = post(fhir, base, token, "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\",\"given\":[\"Bench\"]}],"
                + "\"birthDate\":\"1950-01-01\",\"generalPractitioner\":[{\"reference\":\"Organization/" + practice + "\"}]}", "Patient");
        String subject = "\"subject\":{\"reference\":\"Patient/" + patient + "\"}";
        LocalDate start = LocalDate.of(2000, 1, 1);
        for (int from = 0; from < resources; from += 500) {
            StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
            for (int i = from; i < Math.min(resources, from + 500); i++) {
                String day = start.plusDays(i * 9_000L / resources).toString();
                String resource = switch (i % 20) {
                    case 0 -> "{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\","
                            + "\"code\":\"AMB\",\"display\":\"ambulatory\"}," + subject + ",\"period\":{\"start\":\"" + day + "\"}}";
                    case 1 -> "{\"resourceType\":\"MedicationStatement\",\"status\":\"" + (i > resources - 200 ? "active" : "completed") + "\","
                            + "\"medicationCodeableConcept\":{\"text\":\"Medicine " + i + "\"}," + subject + ",\"effectivePeriod\":{\"start\":\"" + day + "\"}}";
                    case 2 -> "{\"resourceType\":\"DocumentReference\",\"status\":\"current\",\"description\":\"Letter " + i + "\"," + subject
                            + ",\"date\":\"" + day + "T12:00:00Z\",\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"data\":\"" + letter(i) + "\"}}]}";
                    case 3 -> "{\"resourceType\":\"Condition\",\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\","
                            + "\"code\":\"" + (i % 60 == 3 ? "active" : "resolved") + "\"}]},\"code\":{\"text\":\"Problem " + i + "\"}," + subject
                            + ",\"onsetDateTime\":\"" + day + "\"}";
                    default -> "{\"resourceType\":\"Observation\",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
                            + "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"" + (i % 2 == 0 ? "vital-signs" : "laboratory") + "\"}]}],"
                            + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + (i % 2 == 0 ? "8867-4\",\"display\":\"Heart rate" : "59261-8\",\"display\":\"HbA1c") + "\"}]},"
                            + subject + ",\"effectiveDateTime\":\"" + day + "T09:00:00Z\",\"valueQuantity\":{\"value\":" + (50 + i % 40) + "}}";
                };
                bundle.append(i == from ? "" : ",").append("{\"resource\":").append(resource)
                        .append(",\"request\":{\"method\":\"POST\",\"url\":\"").append(resource, 17, resource.indexOf('"', 17)).append("\"}}");
            }
            HttpResponse<String> written = fhir.send(HttpRequest.newBuilder(URI.create(base + "/fhir")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(bundle.append("]}").toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (written.statusCode() != 200) {
                throw new IllegalStateException("Loading failed: " + written.statusCode() + " " + written.body());
            }
        }
        return patient;
    }

    /** A letter's text: a few lines, and in one letter in 100 (five in this record) a medicine named nowhere else. */
    private static String letter(int i) {
        String text = "Dear Dr Patel,\nI reviewed this patient in the general medical clinic today. Blood pressure was stable and the"
                + " heart sounds normal.\nPlan: continue current medicines" + (i % 100 == 2 ? ", and start bisoprolol 1.25 mg daily" : "") + ".\n";
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String post(HttpClient fhir, String base, String token, String json, String type) throws Exception {
        HttpResponse<String> created = fhir.send(HttpRequest.newBuilder(URI.create(base + "/fhir/" + type)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Create failed: " + created.statusCode() + " " + created.body());
        }
        return id.group(1);
    }
}
