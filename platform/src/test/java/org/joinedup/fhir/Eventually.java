package org.joinedup.fhir;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits, for a few seconds at most, for something that happens in the background (the audit reaching the database). */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = probe.get();
        }
        return value;
    }
}
