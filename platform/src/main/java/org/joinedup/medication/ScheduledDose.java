package org.joinedup.medication;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/** One time of a person's day at which medicines are due, with what is due then. */
public record ScheduledDose(LocalTime time, Instant due, List<Medicine> medicines) {

    /** A medicine due: its prescription, name, dose in words, and any food instruction. */
    public record Medicine(String medicationRequest, String name, String dose, String food) {
    }
}
