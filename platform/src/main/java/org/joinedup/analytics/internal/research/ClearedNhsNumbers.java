package org.joinedup.analytics.internal.research;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.joinedup.shared.NhsNumber;

/**
 * The national data opt-out, as the Check for National Data Opt-outs Service (MESH) answers: the file it returns lists
 * the NHS numbers that may be used for research and planning, one per line, each followed by a comma; everyone else
 * has opted out (or was not checked) and is left out of every extract. The list is cached in memory (sorted numbers,
 * 8 bytes each) until the file changes, and refused once the file is older than its maximum age: the service must be
 * asked again. It is never written to the record.
 */
final class ClearedNhsNumbers {

    /** Why there is no list to use. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private final Path file;
    private final Duration maxAge;
    private final Clock clock;
    private Instant loadedModified;
    private long[] numbers;
    private int rejected;

    ClearedNhsNumbers(Path file, Duration maxAge, Clock clock) {
        this.file = file;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The numbers cleared for use, sorted; an {@link Unavailable} says why there are none to use. */
    synchronized long[] current() {
        if (file == null) {
            throw new Unavailable("No national data opt-out file is configured (joinedup.analytics.opt-out-file): research and planning extracts cannot run");
        }
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new Unavailable("The national data opt-out file " + file + " cannot be read: research and planning extracts cannot run");
        }
        if (modified.plus(maxAge).isBefore(clock.instant())) {
            throw new Unavailable("The national data opt-out file is older than " + maxAge.toDays() + " days: check the NHS numbers with the service again");
        }
        if (!modified.equals(loadedModified)) {
            load();
            loadedModified = modified;
        }
        return numbers;
    }

    /** Lines in the file that were not valid NHS numbers (left out: such a person is not cleared). */
    synchronized int rejected() {
        return rejected;
    }

    private void load() {
        long[] read = new long[1 << 16];
        int count = 0;
        int bad = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = lines.readLine()) != null) {
                for (String field : line.split(",")) {
                    String digits = field.strip();
                    if (digits.isEmpty()) {
                        continue;
                    }
                    if (!NhsNumber.isValid(digits)) {
                        bad++;
                        continue;
                    }
                    if (count == read.length) {
                        read = Arrays.copyOf(read, read.length * 2);
                    }
                    read[count++] = Long.parseLong(digits);
                }
            }
        } catch (IOException e) {
            throw new Unavailable("The national data opt-out file " + file + " cannot be read: " + e.getMessage());
        }
        numbers = Arrays.copyOf(read, count);
        Arrays.sort(numbers);
        rejected = bad;
    }
}
