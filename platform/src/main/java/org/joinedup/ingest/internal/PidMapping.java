package org.joinedup.ingest.internal;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.util.Terser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The patient of any message (PID): NHS number (assigning authority NHS or identifier type NH) first, then local
 * hospital numbers by assigning authority; name, sex, birth date, address and phone. A patient with no identifier
 * cannot be matched, so the message is unmappable.
 */
final class PidMapping {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String VERIFICATION_STATUS = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
    static final String VERIFICATION_STATUS_CODES = "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";
    /** The NHS Number Status Indicator (PID-32 in NHS HL7 v2 feeds). */
    private static final java.util.Map<String, String> STATUS = java.util.Map.of(
            "01", "Number present and verified",
            "02", "Number present but not traced",
            "03", "Trace required",
            "04", "Trace attempted - No match or multiple match found",
            "05", "Trace needs to be resolved - (NHS number or patient detail conflict)",
            "06", "Trace in progress",
            "07", "Number not present and trace not required",
            "08", "Trace postponed (baby under six weeks old)");

    private PidMapping() {
    }

    /**
     * Adds the patient as a conditional create on their first identifier (NHS number first): written only if the
     * record does not know them, so a sparse PID from a lab or a document system never overwrites what a PAS sent.
     * Returns the entry's fullUrl, for references.
     */
    static String ifUnknown(ArrayNode entries, ObjectNode patient) {
        JsonNode match = patient.path("identifier").path(0);
        String fullUrl = "urn:uuid:" + java.util.UUID.randomUUID();
        AdtMapping.entry(entries, fullUrl, patient, "POST", "Patient").with("request")
                .put("ifNoneExist", "identifier=" + AdtMapping.enc(match.path("system").asText()) + "|" + AdtMapping.enc(match.path("value").asText()));
        return fullUrl;
    }

    /**
     * The patient's NHS number if it can be matched on alone: it passed its check digit (or it would not be one)
     * and the sender did not say it is unverified (PID-32 absent, or 01 "number present and verified").
     */
    static String verifiedNhsNumber(JsonNode patient) {
        for (JsonNode identifier : patient.path("identifier")) {
            if (AdtMapping.NHS_NUMBER.equals(identifier.path("system").asText())) {
                String status = identifier.at("/extension/0/valueCodeableConcept/coding/0/code").asText("01");
                return "01".equals(status) ? identifier.path("value").asText() : null;
            }
        }
        return null;
    }

    /**
     * A patient identifier as a CX gives it (PID-3, MRG-1): an NHS number (assigning authority NHS or identifier type
     * NH), or a local number in its assigning authority's system. An NHS number that fails its check digit makes the
     * message unusable: it is a wrong number, and matching on it could join two people's records.
     */
    static ObjectNode identifier(String id, String authority, String type) throws AdtMapping.Unmappable {
        boolean isNhs = "NH".equals(type) || "NHS".equalsIgnoreCase(authority == null ? "" : authority.strip());
        String digits = id.replace(" ", "").strip();
        if (isNhs && !org.joinedup.shared.NhsNumber.isValid(digits)) {
            throw new AdtMapping.Unmappable("The NHS number " + id.strip() + " is not valid (its check digit is wrong)");
        }
        ObjectNode identifier = JSON.createObjectNode();
        identifier.put("system", isNhs ? AdtMapping.NHS_NUMBER : AdtMapping.LOCAL_ID + AdtMapping.slug(authority == null || authority.isBlank() ? "unknown" : authority));
        identifier.put("value", isNhs ? digits : id.strip());
        return identifier;
    }

    static ObjectNode patient(Terser t, String source) throws HL7Exception, AdtMapping.Unmappable {
        ObjectNode p = AdtMapping.resource("Patient", source);
        ArrayNode identifiers = p.putArray("identifier");
        ObjectNode nhs = null;
        for (int rep = 0; rep < 10; rep++) {
            String id = t.get("/.PID-3(" + rep + ")-1");
            if (id == null || id.isBlank()) {
                break;
            }
            ObjectNode identifier = identifier(id, t.get("/.PID-3(" + rep + ")-4-1"), t.get("/.PID-3(" + rep + ")-5"));
            boolean isNhs = AdtMapping.NHS_NUMBER.equals(identifier.path("system").asText());
            if (isNhs) {
                String status = t.get("/.PID-32");
                if (status != null && STATUS.containsKey(status.strip())) {
                    identifier.putArray("extension").addObject().put("url", VERIFICATION_STATUS).putObject("valueCodeableConcept").putArray("coding")
                            .addObject().put("system", VERIFICATION_STATUS_CODES).put("code", status.strip()).put("display", STATUS.get(status.strip()));
                }
            }
            if (isNhs && nhs == null) {
                nhs = identifier;
            } else {
                identifiers.add(identifier);
            }
        }
        if (nhs != null) {
            identifiers.insert(0, nhs); // matched on first
        }
        if (identifiers.isEmpty()) {
            throw new AdtMapping.Unmappable("The patient has no identifier in PID-3, so they cannot be matched");
        }
        String family = t.get("/.PID-5-1-1");
        String given = t.get("/.PID-5-2");
        if (family != null || given != null) {
            ObjectNode name = p.putArray("name").addObject().put("use", "official");
            if (family != null) {
                name.put("family", family);
            }
            ArrayNode givens = name.putArray("given");
            if (given != null) {
                givens.add(given);
            }
            String middle = t.get("/.PID-5-3");
            if (middle != null) {
                givens.add(middle);
            }
            String prefix = t.get("/.PID-5-5");
            if (prefix != null) {
                name.putArray("prefix").add(prefix);
            }
        }
        String sex = t.get("/.PID-8");
        if (sex != null) {
            p.put("gender", switch (sex.strip().toUpperCase(java.util.Locale.ROOT)) {
                case "M" -> "male";
                case "F" -> "female";
                case "O", "A" -> "other";
                default -> "unknown";
            });
        }
        String birth = Hl7Times.date(t.get("/.PID-7-1"));
        if (birth != null) {
            p.put("birthDate", birth);
        }
        String street = t.get("/.PID-11-1-1");
        String city = t.get("/.PID-11-3");
        String postcode = t.get("/.PID-11-5");
        if (street != null || city != null || postcode != null) {
            ObjectNode address = p.putArray("address").addObject().put("use", "home");
            if (street != null) {
                ArrayNode lines = address.putArray("line").add(street);
                String other = t.get("/.PID-11-2");
                if (other != null) {
                    lines.add(other);
                }
            }
            if (city != null) {
                address.put("city", city.strip());
            }
            if (postcode != null) {
                address.put("postalCode", postcode.strip());
            }
        }
        String phone = t.get("/.PID-13-1");
        if (phone == null) {
            phone = t.get("/.PID-13-12");
        }
        if (phone != null && !phone.isBlank()) {
            p.putArray("telecom").addObject().put("system", "phone").put("value", phone.strip()).put("use", "home");
        }
        return p;
    }
}
