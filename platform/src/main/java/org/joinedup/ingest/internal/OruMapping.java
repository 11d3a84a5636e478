package org.joinedup.ingest.internal;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.datatype.CE;
import ca.uhn.hl7v2.model.v251.datatype.CWE;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.util.Terser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Results (ORU^R01) as a FHIR transaction: per order, a DiagnosticReport (OBR: filler order number, test, status,
 * times) with its Observations (OBX: code, value as a quantity with unit and reference range, a code or text,
 * interpretation, status) and Specimen (SPM, or OBR-15). Reports and results are updated in place by their
 * identifiers, so a corrected result replaces the preliminary one. The patient is created from PID only if the
 * record does not know them; a lab's sparse PID never overwrites the demographics a PAS sent.
 */
final class OruMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OruMapping() {
    }

    static ObjectNode transaction(Message message, String source) throws HL7Exception, AdtMapping.Unmappable {
        if (!(message instanceof ORU_R01 oru)) {
            throw new AdtMapping.Unmappable("The message is not structured as ORU^R01");
        }
        Terser t = new Terser(message);
        String facility = AdtMapping.facility(t);
        ObjectNode bundle = AdtMapping.transactionBundle();
        ArrayNode entries = bundle.putArray("entry");
        String patientUrl = PidMapping.ifUnknown(entries, PidMapping.patient(t, source));
        List<String> targets = new ArrayList<>();
        int orders = 0;
        for (ORU_R01_PATIENT_RESULT result : oru.getPATIENT_RESULTAll()) {
            for (ORU_R01_ORDER_OBSERVATION order : result.getORDER_OBSERVATIONAll()) {
                orders++;
                report(entries, targets, order, facility, source, patientUrl, orders);
            }
        }
        if (orders == 0) {
            throw new AdtMapping.Unmappable("The message has no OBR: no result to record");
        }
        targets.add(0, patientUrl);
        AdtMapping.entry(entries, "urn:uuid:" + UUID.randomUUID(), Provenances.of(t, source, targets.toArray(String[]::new)), "POST", "Provenance");
        return bundle;
    }

    /** Whether the sender named the patient well enough to create them if the record does not know them. */
    static boolean hasDemographics(ObjectNode patient) {
        return patient.has("name") || patient.has("birthDate");
    }

    private static void report(ArrayNode entries, List<String> targets, ORU_R01_ORDER_OBSERVATION order, String facility, String source,
                               String patientUrl, int number) throws HL7Exception {
        OBR obr = order.getOBR();
        String filler = text(obr.getFillerOrderNumber().getEntityIdentifier().getValue());
        String placer = text(obr.getPlacerOrderNumber().getEntityIdentifier().getValue());
        String reportId = filler != null ? filler : placer;
        String when = Hl7Times.dateTime(obr.getObservationDateTime().getTime().getValue());
        ObjectNode report = AdtMapping.resource("DiagnosticReport", source);
        String reportUrl = "urn:uuid:" + UUID.randomUUID();
        String reportSystem = AdtMapping.LOCAL_ID + facility + "/report";
        if (reportId != null) {
            report.putArray("identifier").addObject().put("system", reportSystem).put("value", reportId);
        }
        report.put("status", reportStatus(text(obr.getResultStatus().getValue())));
        report.putArray("category").addObject().putArray("coding").addObject().put("system", "http://terminology.hl7.org/CodeSystem/v2-0074")
                .put("code", "LAB").put("display", "Laboratory");
        report.set("code", concept(obr.getUniversalServiceIdentifier()));
        report.putObject("subject").put("reference", patientUrl);
        if (when != null) {
            report.put("effectiveDateTime", when);
        }
        String issued = Hl7Times.dateTime(obr.getResultsRptStatusChngDateTime().getTime().getValue());
        if (issued != null && issued.contains("T")) {
            report.put("issued", issued);
        }
        String specimenUrl = specimen(entries, order, obr, facility, source, patientUrl, reportId, when);
        if (specimenUrl != null) {
            report.putArray("specimen").addObject().put("reference", specimenUrl);
            targets.add(specimenUrl);
        }
        ArrayNode results = report.putArray("result");
        int index = 0;
        for (var observation : order.getOBSERVATIONAll()) {
            OBX obx = observation.getOBX();
            index++;
            ObjectNode o = ObxValues.observation(obx, source, patientUrl, when, specimenUrl);
            if (o == null) {
                continue;
            }
            String obsUrl = "urn:uuid:" + UUID.randomUUID();
            String setId = text(obx.getSetIDOBX().getValue());
            String key = (reportId == null ? "order" + number : reportId) + "-" + (setId == null ? Integer.toString(index) : setId);
            o.putArray("identifier").addObject().put("system", AdtMapping.LOCAL_ID + facility + "/result").put("value", key);
            AdtMapping.upsert(entries, obsUrl, o, AdtMapping.LOCAL_ID + facility + "/result", key);
            results.addObject().put("reference", obsUrl);
            targets.add(obsUrl);
        }
        if (results.isEmpty()) {
            report.remove("result");
        }
        AdtMapping.upsert(entries, reportUrl, report, reportSystem, reportId);
        targets.add(reportUrl);
    }

    private static String specimen(ArrayNode entries, ORU_R01_ORDER_OBSERVATION order, OBR obr, String facility, String source, String patientUrl,
                                   String reportId, String when) throws HL7Exception {
        CWE type = order.getSPECIMENReps() > 0 ? order.getSPECIMEN(0).getSPM().getSpecimenType() : null;
        String typeCode = type == null ? null : text(type.getIdentifier().getValue());
        String typeText = type == null ? null : text(type.getText().getValue());
        String legacy = text(obr.getSpecimenSource().getSpecimenSourceNameOrCode().getIdentifier().getValue());
        if (typeCode == null && typeText == null && legacy == null) {
            return null;
        }
        ObjectNode specimen = AdtMapping.resource("Specimen", source);
        ObjectNode concept = specimen.putObject("type");
        if (typeCode != null) {
            concept.putArray("coding").addObject().put("code", typeCode);
        }
        String display = typeText != null ? typeText : typeCode != null ? typeCode : legacy;
        concept.put("text", display);
        specimen.putObject("subject").put("reference", patientUrl);
        if (when != null) {
            specimen.putObject("collection").put("collectedDateTime", when);
        }
        String url = "urn:uuid:" + UUID.randomUUID();
        String system = AdtMapping.LOCAL_ID + facility + "/specimen";
        if (reportId != null) {
            specimen.putArray("identifier").addObject().put("system", system).put("value", reportId);
        }
        AdtMapping.upsert(entries, url, specimen, system, reportId);
        return url;
    }

    static ObjectNode concept(CE ce) {
        return concept(text(ce.getIdentifier().getValue()), text(ce.getText().getValue()), text(ce.getNameOfCodingSystem().getValue()));
    }

    static ObjectNode concept(CWE cwe) {
        return concept(text(cwe.getIdentifier().getValue()), text(cwe.getText().getValue()), text(cwe.getNameOfCodingSystem().getValue()));
    }

    private static ObjectNode concept(String code, String display, String system) {
        ObjectNode concept = JSON.createObjectNode();
        if (code != null) {
            ObjectNode coding = concept.putArray("coding").addObject().put("system", system(system)).put("code", code);
            if (display != null) {
                coding.put("display", display);
            }
        }
        concept.put("text", display != null ? display : code != null ? code : "Unnamed test");
        return concept;
    }

    /** HL7 v2 coding system names (table 0396) as FHIR system URIs; a local one keeps its name. */
    static String system(String name) {
        if (name == null || name.isBlank()) {
            return "urn:joinedup:hl7v2:local-code";
        }
        return switch (name.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "LN", "LOINC" -> "http://loinc.org";
            case "SCT", "SNM", "SNOMED", "SNOMEDCT", "SCT2" -> "http://snomed.info/sct";
            case "UCUM" -> "http://unitsofmeasure.org";
            case "I10", "ICD10" -> "http://hl7.org/fhir/sid/icd-10";
            default -> "urn:joinedup:hl7v2:code-system:" + AdtMapping.slug(name);
        };
    }

    private static String reportStatus(String code) {
        return switch (code == null ? "F" : code) {
            case "P", "I", "S", "A", "R" -> "preliminary";
            case "C" -> "corrected";
            case "X" -> "cancelled";
            default -> "final";
        };
    }

    static String observationStatus(String code) {
        return switch (code == null ? "F" : code) {
            case "P", "R", "S", "I" -> "preliminary";
            case "C" -> "corrected";
            case "D", "W" -> "entered-in-error";
            case "X" -> "cancelled";
            default -> "final";
        };
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
