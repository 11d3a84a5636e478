package org.joinedup.ingest.internal;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v251.datatype.CE;
import ca.uhn.hl7v2.model.v251.datatype.CWE;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One result (OBX) as an Observation: its code, status and time, and its value as a quantity (NM, SN) with a UCUM
 * unit and reference range, a code (CE, CWE) or text; the abnormal flag as interpretation.
 */
final class ObxValues {

    private ObxValues() {
    }

    /** An Observation from an OBX, or null for one that carries nothing we can show (an embedded document, an empty value). */
    static ObjectNode observation(OBX obx, String source, String patientUrl, String reportTime, String specimenUrl) throws HL7Exception {
        ObjectNode o = AdtMapping.resource("Observation", source);
        o.put("status", OruMapping.observationStatus(OruMapping.text(obx.getObservationResultStatus().getValue())));
        o.putArray("category").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "laboratory").put("display", "Laboratory");
        o.set("code", OruMapping.concept(obx.getObservationIdentifier()));
        o.putObject("subject").put("reference", patientUrl);
        String when = Hl7Times.dateTime(obx.getDateTimeOfTheObservation().getTime().getValue());
        if (when != null || reportTime != null) {
            o.put("effectiveDateTime", when != null ? when : reportTime);
        }
        String valueType = OruMapping.text(obx.getValueType().getValue());
        String unit = OruMapping.text(obx.getUnits().getIdentifier().getValue());
        String unitSystem = OruMapping.text(obx.getUnits().getNameOfCodingSystem().getValue());
        if (obx.getObservationValueReps() == 0) {
            return null;
        }
        Type value = ((Varies) obx.getObservationValue(0)).getData();
        String encoded = value.encode();
        if (encoded == null || encoded.isBlank() || "ED".equals(valueType) || "RP".equals(valueType)) {
            return null;
        }
        if ("NM".equals(valueType) || "SN".equals(valueType) && encoded.matches("[^^]*\\^[0-9.]+")) {
            String number = "SN".equals(valueType) ? encoded.substring(encoded.indexOf('^') + 1) : encoded.strip();
            try {
                ObjectNode quantity = o.putObject("valueQuantity").put("value", new java.math.BigDecimal(number));
                unit(quantity, unit, unitSystem);
                range(o, OruMapping.text(obx.getReferencesRange().getValue()), unit, unitSystem);
            } catch (NumberFormatException notANumber) {
                o.remove("valueQuantity");
                o.put("valueString", encoded);
            }
        } else if (value instanceof CE || value instanceof CWE || "CE".equals(valueType) || "CWE".equals(valueType)) {
            String[] parts = encoded.split("\\^", -1);
            ObjectNode concept = o.putObject("valueCodeableConcept");
            ObjectNode coding = concept.putArray("coding").addObject();
            coding.put("system", OruMapping.system(parts.length > 2 ? parts[2] : null)).put("code", parts[0]);
            if (parts.length > 1 && !parts[1].isBlank()) {
                coding.put("display", parts[1]);
                concept.put("text", parts[1]);
            }
        } else {
            o.put("valueString", encoded.replace("\\.br\\", "\n"));
        }
        String flag = obx.getAbnormalFlagsReps() == 0 ? null : OruMapping.text(obx.getAbnormalFlags(0).getValue());
        if (flag != null && flag.matches("[A-Z<>]{1,3}")) {
            o.putArray("interpretation").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation").put("code", flag);
        }
        if (specimenUrl != null) {
            o.putObject("specimen").put("reference", specimenUrl);
        }
        return o;
    }

    private static void unit(ObjectNode quantity, String unit, String unitSystem) {
        if (unit == null) {
            return;
        }
        quantity.put("unit", unit);
        if ("UCUM".equalsIgnoreCase(unitSystem) || unitSystem == null || "ISO+".equalsIgnoreCase(unitSystem) || "ANSI+".equalsIgnoreCase(unitSystem)) {
            quantity.put("system", "http://unitsofmeasure.org").put("code", unit);
        }
    }

    /** A reference range: {@code low-high}, {@code <high}, {@code >low}; anything else is kept as text. */
    private static void range(ObjectNode o, String range, String unit, String unitSystem) {
        if (range == null) {
            return;
        }
        ObjectNode r = o.putArray("referenceRange").addObject();
        java.util.regex.Matcher between = java.util.regex.Pattern.compile("\\s*([0-9.]+)\\s*-\\s*([0-9.]+)\\s*").matcher(range);
        java.util.regex.Matcher below = java.util.regex.Pattern.compile("\\s*<=?\\s*([0-9.]+)\\s*").matcher(range);
        java.util.regex.Matcher above = java.util.regex.Pattern.compile("\\s*>=?\\s*([0-9.]+)\\s*").matcher(range);
        if (between.matches()) {
            unit(r.putObject("low").put("value", new java.math.BigDecimal(between.group(1))), unit, unitSystem);
            unit(r.putObject("high").put("value", new java.math.BigDecimal(between.group(2))), unit, unitSystem);
        } else if (below.matches()) {
            unit(r.putObject("high").put("value", new java.math.BigDecimal(below.group(1))), unit, unitSystem);
        } else if (above.matches()) {
            unit(r.putObject("low").put("value", new java.math.BigDecimal(above.group(1))), unit, unitSystem);
        } else {
            r.put("text", range);
        }
    }
}
