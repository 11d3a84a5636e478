package org.joinedup.demo.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar joinedup.jar generate-region --patients=7400000 --seed=2026 --date=2026-11-26 --care=false --out=region}:
 * writes the region as NDJSON, one file per resource type (as FHIR bulk data does), without starting the
 * platform, and prints how fast it went.
 */
public final class RegionCommand {

    private RegionCommand() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = org.joinedup.shared.CommandOptions.of(args);
        int patients = Integer.parseInt(options.getOrDefault("patients", "2000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "2026"));
        LocalDate date = options.containsKey("date") ? LocalDate.parse(options.get("date")) : LocalDate.now();
        Path out = Path.of(options.getOrDefault("out", "region"));
        long started = System.nanoTime();
        boolean care = Boolean.parseBoolean(options.getOrDefault("care", "true"));
        long resources = write(new RegionGenerator(seed, patients, date, care), out);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Wrote %,d patients (%,d resources) to %s in %.1f s: %,.0f patients/s%n", patients, resources, out.toAbsolutePath(), seconds,
                patients / seconds);
    }

    /** Writes the region as NDJSON files in a folder; returns how many resources. */
    static long write(RegionGenerator generator, Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, BufferedWriter> files = new HashMap<>();
        long[] count = {0};
        java.util.function.Consumer<ObjectNode> out = resource -> {
            try {
                BufferedWriter file = files.get(resource.path("resourceType").asText());
                if (file == null) {
                    file = Files.newBufferedWriter(folder.resolve(resource.path("resourceType").asText() + ".ndjson"), StandardCharsets.UTF_8);
                    files.put(resource.path("resourceType").asText(), file);
                }
                file.write(resource.toString());
                file.write('\n');
                count[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try {
            generator.organisationsAndStaff().forEach(out);
            generator.patients(0, generator.patients(), out);
        } finally {
            for (BufferedWriter file : files.values()) {
                file.close();
            }
        }
        return count[0];
    }
}
