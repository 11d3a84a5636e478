package org.joinedup.monitoring;

/**
 * One set of vital signs taken together, as NEWS2 needs it: respiration rate (per minute), oxygen saturation (%),
 * whether on supplemental oxygen, systolic blood pressure (mmHg), pulse (per minute), level of consciousness (ACVPU)
 * and temperature (°C); and whether the patient's SpO2 is scored on scale 2 (a clinician has prescribed a target of
 * 88–92% for confirmed hypercapnic respiratory failure). A value not measured is null.
 */
public record VitalSigns(Double respirationRate, Double oxygenSaturation, Boolean onOxygen, Double systolicPressure, Double pulse,
                         Consciousness consciousness, Double temperature, boolean spo2Scale2) {

    /** ACVPU: alert, new confusion, responds to voice, to pain, unresponsive. */
    public enum Consciousness {
        ALERT, NEW_CONFUSION, VOICE, PAIN, UNRESPONSIVE
    }

    /** The same signs, SpO2 scored on scale 2 or not. */
    public VitalSigns onScale2(boolean scale2) {
        return new VitalSigns(respirationRate, oxygenSaturation, onOxygen, systolicPressure, pulse, consciousness, temperature, scale2);
    }

    /** Whether every parameter NEWS2 scores is present. */
    public boolean complete() {
        return respirationRate != null && oxygenSaturation != null && onOxygen != null && systolicPressure != null && pulse != null
                && consciousness != null && temperature != null;
    }
}
