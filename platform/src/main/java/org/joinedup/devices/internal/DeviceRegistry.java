package org.joinedup.devices.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/** The registered Devices of a batch's events, read from the record with their owners and locations, a hundred at a time. */
@Component
class DeviceRegistry {

    private static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";

    private final FhirApi fhir;

    DeviceRegistry(FhirApi fhir) {
        this.fhir = fhir;
    }

    /** The registered devices among these ids (those not in the record are absent). */
    Map<String, Registered> find(List<String> ids) {
        Map<String, Registered> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 100) {
            List<String> some = ids.subList(i, Math.min(ids.size(), i + 100));
            JsonNode bundle = fhir.handle(FhirAccess.SYSTEM, "GET", "Device?_id=" + String.join(",", some) + "&_count=" + some.size()
                    + "&_include=Device:organization&_include=Device:location", null).json();
            Map<String, JsonNode> included = new HashMap<>();
            for (JsonNode entry : bundle.path("entry")) {
                JsonNode r = entry.path("resource");
                included.put(r.path("resourceType").asText() + "/" + r.path("id").asText(), r);
            }
            for (JsonNode entry : bundle.path("entry")) {
                JsonNode device = entry.path("resource");
                if (!"Device".equals(device.path("resourceType").asText())) {
                    continue;
                }
                String patient = device.at("/patient/reference").asText("");
                JsonNode owner = included.get(device.at("/owner/reference").asText());
                JsonNode location = included.get(device.at("/location/reference").asText());
                String ods = owner == null ? null : ods(owner);
                found.put(device.path("id").asText(), new Registered(patient.startsWith("Patient/") ? patient.substring(8) : "", ods,
                        owner == null ? null : owner.path("name").asText(null), location == null ? device.at("/location/display").asText(null)
                        : location.path("name").asText(null)));
            }
        }
        return found;
    }

    private static String ods(JsonNode organisation) {
        for (JsonNode identifier : organisation.path("identifier")) {
            if (ODS.equals(identifier.path("system").asText())) {
                return identifier.path("value").asText();
            }
        }
        return null;
    }
}
