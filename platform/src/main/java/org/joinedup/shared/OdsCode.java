package org.joinedup.shared;

import java.util.regex.Pattern;

/** An Organisation Data Service code identifying an NHS or care organisation (e.g. "RBS", "Y01234"). */
public record OdsCode(String value) {

    /** The FHIR identifier system for ODS organisation codes. */
    public static final String SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{3,10}");

    public OdsCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a valid ODS code: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
