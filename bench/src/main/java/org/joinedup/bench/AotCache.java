package org.joinedup.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The JDK 25 ahead-of-time cache for the platform: extract the jar (the cache needs plain jars on the class
 * path), then one training run that starts the application and stops once its context is refreshed.
 */
final class AotCache {

    private AotCache() {
    }

    /** Returns the cache file; the extracted {@code joinedup.jar} sits beside it. */
    static Path train(String java, Path jar, Path log) throws Exception {
        Path app = Files.createTempDirectory("joinedup-aot");
        run(log, java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", app.toString());
        Path cache = app.resolve("joinedup.aot");
        Path trainingData = Files.createTempDirectory("joinedup-aot-training");
        run(log, java, "-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar", app.resolve("joinedup.jar").toString(),
                "--joinedup.database.data-dir=" + trainingData, "--server.port=0", "--logging.level.root=WARN");
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
