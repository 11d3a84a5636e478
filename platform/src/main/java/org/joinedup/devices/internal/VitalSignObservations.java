package org.joinedup.devices.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A vital-signs event's readings as UK Core vital-sign Observations, one per reading, all at the event's time,
 * attributed to the device: respiration rate, SpO2, systolic and diastolic pressure (one blood pressure panel),
 * pulse, temperature (LOINC), level of consciousness (ACVPU) and air or oxygen (SNOMED CT), so that a complete set is
 * scored by NEWS2 like any other.
 */
final class VitalSignObservations {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Reading name to LOINC code, display and UCUM unit. */
    private static final Map<String, String[]> LOINC = Map.of(
            "respiration-rate", new String[] {"9279-1", "Respiratory rate", "/min"},
            "spo2", new String[] {"59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%"},
            "pulse", new String[] {"8867-4", "Heart rate", "/min"},
            "temperature", new String[] {"8310-5", "Body temperature", "Cel"});

    private VitalSignObservations() {
    }

    /** The Observations, or an empty list with the reason in {@code problems} if a reading is not understood. */
    static List<ObjectNode> of(DeviceEvent event, String patient, List<String> problems) {
        JsonNode readings = event.payload().path("readings");
        List<ObjectNode> out = new ArrayList<>();
        for (var reading : readings.properties()) {
            String name = reading.getKey();
            JsonNode value = reading.getValue();
            if (LOINC.containsKey(name) && value.isNumber()) {
                String[] code = LOINC.get(name);
                ObjectNode o = observation(event, patient, "http://loinc.org", code[0], code[1]);
                o.putObject("valueQuantity").put("value", value.decimalValue()).put("unit", code[2]).put("system", "http://unitsofmeasure.org")
                        .put("code", code[2]);
                out.add(o);
            } else if (name.equals("acvpu") && value.isTextual() && value.asText().matches("[ACVPU]")) {
                ObjectNode o = observation(event, patient, "http://snomed.info/sct", "1104441000000107", "ACVPU scale score");
                if (value.asText().equals("A")) {
                    o.putObject("valueCodeableConcept").put("text", "Alert").putArray("coding").addObject().put("system", "http://snomed.info/sct")
                            .put("code", "248234008").put("display", "Mentally alert");
                } else {
                    o.put("valueString", value.asText());
                }
                out.add(o);
            } else if (name.equals("oxygen") && value.isBoolean()) {
                out.add(observation(event, patient, "http://snomed.info/sct", value.asBoolean() ? "371825009" : "722742002",
                        value.asBoolean() ? "Patient on oxygen" : "Breathing room air"));
            } else if (!name.equals("systolic") && !name.equals("diastolic")) {
                problems.add("Event " + event.id() + " has a reading not understood: '" + name + "' = " + value);
                return List.of();
            }
        }
        if (readings.has("systolic") || readings.has("diastolic")) {
            if (!readings.path("systolic").isNumber() || !readings.path("diastolic").isNumber()) {
                problems.add("Event " + event.id() + " has a blood pressure without both systolic and diastolic numbers");
                return List.of();
            }
            ObjectNode bp = observation(event, patient, "http://loinc.org", "85354-9", "Blood pressure panel with all children optional");
            component(bp, "8480-6", "Systolic blood pressure", readings.path("systolic"));
            component(bp, "8462-4", "Diastolic blood pressure", readings.path("diastolic"));
            out.add(bp);
        }
        if (out.isEmpty()) {
            problems.add("Event " + event.id() + " has no readings");
        }
        return out;
    }

    private static ObjectNode observation(DeviceEvent event, String patient, String system, String code, String display) {
        ObjectNode o = JSON.createObjectNode().put("resourceType", "Observation").put("status", "final");
        o.putArray("identifier").addObject().put("system", "https://fhir.joinedup.nhs.uk/Id/device-event").put("value", event.device() + "/" + event.id()
                + "/" + code);
        o.putArray("category").addObject().putArray("coding").addObject().put("system", "http://terminology.hl7.org/CodeSystem/observation-category")
                .put("code", "vital-signs").put("display", "Vital Signs");
        o.putObject("code").putArray("coding").addObject().put("system", system).put("code", code).put("display", display);
        o.putObject("subject").put("reference", "Patient/" + patient);
        o.put("effectiveDateTime", event.at().toString());
        o.putObject("device").put("reference", "Device/" + event.device());
        return o;
    }

    private static void component(ObjectNode bp, String code, String display, JsonNode value) {
        ObjectNode component = bp.withArray("component").addObject();
        component.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org").put("code", code).put("display", display);
        component.putObject("valueQuantity").put("value", value.decimalValue()).put("unit", "mm[Hg]").put("system", "http://unitsofmeasure.org")
                .put("code", "mm[Hg]");
    }
}
