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
import java.util.Base64;
import java.util.List;

/**
 * The patient portal's pages for a patient with five years of history (appointments every few weeks, letters after
 * them, a care plan, vital signs, a mood diary), fetched by the patient signed in with the form, one at a time.
 * Prints p50/p99 in milliseconds; see docs/benchmarks.md. Argument: requests a page (200).
 */
public final class PortalPagesBenchmark {

    private PortalPagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String java = ProcessHandle.current().info().command().orElse("java");
        Path dataDir = Files.createTempDirectory("joinedup-portal-bench");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        int port = 18097;
        System.out.println("JoinedUp portal pages benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, " + rounds + " requests a page");
        try (Platform platform = Platform.start(java, new ArrayList<>(List.of(StoreBenchmark.RECOMMENDED_JVM_OPTIONS.split(" "))),
                Platform.launch(Path.of("platform/target/joinedup.jar"), null), dataDir, port, log,
                List.of("--joinedup.demo.region.load=false", "--joinedup.hl7.mllp-port=-1"))) {
            String base = "http://127.0.0.1:" + port;
            String token = DemoToken.fetch(port);
            HttpClient fhir = HttpClient.newHttpClient();
            int resources = history(fhir, base, token);
            System.out.println("the patient's record: " + resources + " resources over five years");

            PageBrowser browser = PageBrowser.signedIn(base, "patient");
            for (String page : List.of("/portal", "/portal/appointments", "/portal/letters", "/portal/care-plans", "/portal/mood", "/portal/about-me",
                    "/portal/messages", "/portal/questionnaires/phq-9", "/portal/questionnaires/pre-operative-assessment-adult")) {
                browser.time(base + page, 20);
                PageBrowser.print(page, browser.time(base + page, rounds));
            }
        } finally {
            Platform.deleteTree(dataDir);
        }
    }

    /** Five years of history for the demo patient: answers how many resources were written. */
    private static int history(HttpClient fhir, String base, String token) throws Exception {
        send(fhir, base + "/fhir/Patient/demo-patient-1", token, "PUT", "{\"resourceType\":\"Patient\",\"id\":\"demo-patient-1\",\"identifier\":[{\"system\":"
                + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9990000018\"}],\"name\":[{\"family\":\"Patient\",\"given\":[\"Demo\"]}]}");
        String subject = "\"subject\":{\"reference\":\"Patient/demo-patient-1\"}";
        LocalDate start = LocalDate.now().minusYears(5);
        List<String> entries = new ArrayList<>();
        for (int day = 0; day < 5 * 365; day++) {
            LocalDate date = start.plusDays(day);
            if (day % 21 == 0) { // an appointment every three weeks, and a letter after each
                entries.add("{\"resourceType\":\"Appointment\",\"status\":\"" + (date.isBefore(LocalDate.now()) ? "fulfilled" : "booked") + "\",\"serviceType\":[{\"text\":"
                        + "\"Clinic\"}],\"start\":\"" + date + "T10:00:00Z\",\"end\":\"" + date + "T10:20:00Z\",\"participant\":[{\"status\":\"accepted\",\"actor\":"
                        + "{\"reference\":\"Patient/demo-patient-1\"}}]}");
                entries.add("{\"resourceType\":\"DocumentReference\",\"status\":\"current\"," + subject + ",\"date\":\"" + date + "T12:00:00Z\",\"description\":"
                        + "\"Clinic letter\",\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"data\":\"" + Base64.getEncoder()
                        .encodeToString(("Dear Patient, seen on " + date).getBytes(StandardCharsets.UTF_8)) + "\"}}]}");
            }
            if (day % 3 == 0) {
                entries.add("{\"resourceType\":\"Observation\",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
                        + "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"vital-signs\"}]}],\"code\":{\"coding\":[{\"system\":"
                        + "\"http://loinc.org\",\"code\":\"8867-4\"}]}," + subject + ",\"effectiveDateTime\":\"" + date + "T09:00:00Z\",\"valueQuantity\":"
                        + "{\"value\":" + (60 + day % 30) + ",\"unit\":\"/min\"}}");
            }
            if (day >= 5 * 365 - 56) {
                entries.add("{\"resourceType\":\"Observation\",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":"
                        + "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"survey\"}]}],\"code\":{\"coding\":[{\"system\":"
                        + "\"https://fhir.joinedup.nhs.uk/CodeSystem/patient-reported\",\"code\":\"mood-score\"}]}," + subject + ",\"effectiveDateTime\":\""
                        + date + "T20:00:00Z\",\"valueInteger\":" + (day % 11) + "}");
            }
        }
        entries.add("{\"resourceType\":\"CarePlan\",\"status\":\"active\",\"intent\":\"plan\",\"title\":\"Heart failure care plan\"," + subject + "}");
        for (int from = 0; from < entries.size(); from += 500) {
            StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
            for (int i = from; i < Math.min(entries.size(), from + 500); i++) {
                String resource = entries.get(i);
                bundle.append(i == from ? "" : ",").append("{\"resource\":").append(resource).append(",\"request\":{\"method\":\"POST\",\"url\":\"")
                        .append(resource, 17, resource.indexOf('"', 17)).append("\"}}");
            }
            send(fhir, base + "/fhir", token, "POST", bundle.append("]}").toString());
        }
        return entries.size() + 1;
    }

    private static void send(HttpClient fhir, String url, String token, String method, String json) throws Exception {
        HttpResponse<String> answer = fhir.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/fhir+json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + " " + answer.body());
        }
    }
}
