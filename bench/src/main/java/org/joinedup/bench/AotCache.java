package org.joinedup.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JDK 25 ahead-of-time cache for the platform: extract the jar (the cache needs plain jars on the class
 * path), then one training run that starts the application, serves a few requests and is stopped as an
 * operator would stop it (SIGTERM), which writes the cache and shuts the embedded database down cleanly.
 */
final class AotCache {

    private AotCache() {
    }

    /** Returns the cache file; the extracted {@code joinedup.jar} sits beside it. */
    static Path train(String java, Path jar, Path log, int port) throws Exception {
        Path app = Files.createTempDirectory("joinedup-aot");
        run(log, java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", app.toString());
        Path cache = app.resolve("joinedup.aot");
        Path trainingData = Files.createTempDirectory("joinedup-aot-training");
        try (Platform training = Platform.start(java, List.of("-XX:AOTCacheOutput=" + cache), app.resolve("joinedup.jar"),
                trainingData, port, log); MiniHttp http = new MiniHttp("127.0.0.1", port).bearer(DemoToken.fetch(port))) {
            for (int i = 0; i < 200; i++) {
                http.post("/fhir/Patient", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Training\"}]}".getBytes(),
                        "application/fhir+json");
                http.get("/fhir/Patient?name=train&_count=5");
            }
        }
        if (!Files.exists(cache)) {
            throw new IllegalStateException("The AOT cache was not written; see " + log);
        }
        return cache;
    }

    private static void run(Path log, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }
}
