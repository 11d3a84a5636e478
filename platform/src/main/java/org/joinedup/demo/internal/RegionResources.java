package org.joinedup.demo.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/** The region's resources as FHIR R4 JSON, shaped as UK Core expects (NHS number, ODS code, SNOMED CT). */
final class RegionResources {

    private RegionResources() {
    }

    static ObjectNode organization(RegionOrganisations.Org org) {
        ObjectNode o = resource("Organization", org.id());
        o.putArray("identifier").addObject().put("system", RegionGenerator.ODS).put("value", org.ods());
        o.put("active", true);
        o.putArray("type").addObject().put("text", org.kind()).putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/organization-type").put("code", "prov").put("display", "Healthcare Provider");
        o.put("name", org.name());
        o.putArray("address").addObject().put("city", org.town().name()).put("country", "GB");
        return o;
    }

    static ObjectNode practitioner(String id, String given, String family, String prefix) {
        ObjectNode p = resource("Practitioner", id);
        p.put("active", true);
        ObjectNode name = p.putArray("name").addObject().put("use", "official").put("family", family);
        name.putArray("given").add(given);
        if (prefix != null) {
            name.putArray("prefix").add(prefix);
        }
        return p;
    }

    static ObjectNode practitionerRole(String practitioner, RegionOrganisations.Org org, String code, String display) {
        ObjectNode r = resource("PractitionerRole", practitioner + "-role");
        r.put("active", true);
        r.putObject("practitioner").put("reference", "Practitioner/" + practitioner);
        r.putObject("organization").put("reference", "Organization/" + org.id()).put("display", org.name());
        r.putArray("code").addObject().putArray("coding").addObject().put("system", RegionGenerator.SNOMED).put("code", code).put("display", display);
        return r;
    }

    static ObjectNode patient(String id, String nhsNumber, String given, String family, boolean female, LocalDate birth, String street,
                              String city, String postcode, String phone, RegionOrganisations.Org practice) {
        ObjectNode p = resource("Patient", id);
        ObjectNode identifier = p.putArray("identifier").addObject();
        identifier.putArray("extension").addObject()
                .put("url", "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus")
                .putObject("valueCodeableConcept").putArray("coding").addObject()
                .put("system", "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland").put("code", "01")
                .put("display", "Number present and verified");
        identifier.put("system", RegionGenerator.NHS_NUMBER).put("value", nhsNumber);
        ObjectNode name = p.putArray("name").addObject().put("use", "official").put("family", family);
        name.putArray("given").add(given);
        p.putArray("telecom").addObject().put("system", "phone").put("value", phone).put("use", "mobile");
        p.put("gender", female ? "female" : "male");
        p.put("birthDate", birth.toString());
        ObjectNode address = p.putArray("address").addObject().put("use", "home");
        address.putArray("line").add(street);
        address.put("city", city).put("postalCode", postcode).put("country", "GB");
        p.putArray("generalPractitioner").addObject().put("reference", "Organization/" + practice.id()).put("display", practice.name());
        return p;
    }

    static ObjectNode condition(String id, String patient, Conditions.Condition c, LocalDate onset, RegionOrganisations.Org recorder) {
        ObjectNode o = resource("Condition", id);
        o.putObject("clinicalStatus").putArray("coding").addObject().put("system", "http://terminology.hl7.org/CodeSystem/condition-clinical")
                .put("code", "active");
        o.putObject("verificationStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-ver-status").put("code", "confirmed");
        o.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-category").put("code", "problem-list-item")
                .put("display", "Problem List Item");
        o.putObject("code").putArray("coding").addObject().put("system", RegionGenerator.SNOMED).put("code", c.code()).put("display", c.display());
        o.putObject("subject").put("reference", "Patient/" + patient);
        o.put("onsetDateTime", onset.toString());
        o.put("recordedDate", onset.toString());
        return o;
    }

    static ObjectNode inpatientStay(String id, String patient, RegionOrganisations.Org trust, LocalDate admitted) {
        ObjectNode e = resource("Encounter", id);
        e.put("status", "in-progress");
        e.putObject("class").put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode").put("code", "IMP").put("display", "inpatient encounter");
        e.putObject("subject").put("reference", "Patient/" + patient);
        e.putObject("period").put("start", admitted.toString());
        e.putObject("serviceProvider").put("reference", "Organization/" + trust.id()).put("display", trust.name());
        return e;
    }

    private static ObjectNode resource(String type, String id) {
        ObjectNode r = RegionGenerator.object().put("resourceType", type).put("id", id);
        r.putObject("meta").put("source", "urn:joinedup:demo-region");
        return r;
    }
}
