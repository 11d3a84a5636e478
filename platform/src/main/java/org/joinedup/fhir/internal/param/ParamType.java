package org.joinedup.fhir.internal.param;

/** The FHIR search parameter types. */
public enum ParamType {
    NUMBER, DATE, STRING, TOKEN, REFERENCE, COMPOSITE, QUANTITY, URI, SPECIAL;

    public static ParamType of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
