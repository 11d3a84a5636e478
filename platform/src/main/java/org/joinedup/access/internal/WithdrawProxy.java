package org.joinedup.access.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FhirOperation;
import org.joinedup.identity.SignedInUsers;
import org.springframework.stereotype.Component;

/**
 * {@code POST Patient/{id}/$withdraw-proxy} with {@code proxy} (a RelatedPerson): the patient stops someone acting
 * for them. Only the patient themselves (their proofed NHS number is the record's), never a proxy: every active
 * permit Consent naming that person becomes inactive (a new version: who and when are kept), and from the next
 * request the person no longer sees the record.
 */
@Component
class WithdrawProxy implements FhirOperation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirApi fhir;
    private final SignedInUsers users;

    WithdrawProxy(FhirApi fhir, SignedInUsers users) {
        this.fhir = fhir;
        this.users = users;
    }

    @Override
    public String resourceType() {
        return "Patient";
    }

    @Override
    public String name() {
        return "withdraw-proxy";
    }

    @Override
    public FhirApi.Answer invoke(FhirAccess caller, String method, String id, Map<String, List<String>> parameters, byte[] body) {
        if (!"POST".equals(method) || id == null) {
            return outcome(405, "not-supported", "POST Patient/{id}/$withdraw-proxy");
        }
        String proxy = proxy(body);
        if (proxy == null || !proxy.matches("RelatedPerson/[A-Za-z0-9\\-.]{1,64}")) {
            return outcome(400, "required", "Name the person: proxy (RelatedPerson/...)");
        }
        FhirApi.Answer patient = fhir.handle(caller, "GET", "Patient/" + id, null);
        if (patient.status() != 200) {
            return patient;
        }
        String own = users.proofedNhsNumber(caller.agent().who()).orElse(null);
        boolean theirs = own != null && parse(patient.body()).path("identifier").findValuesAsText("value").contains(own);
        if (!"patient".equals(caller.agent().kind()) || !theirs) {
            return outcome(403, "forbidden", "Only the patient can stop someone acting for them");
        }
        FhirApi.Answer consents = fhir.handle(caller, "GET", "Consent?patient=Patient/" + id + "&status=active&_count=100", null);
        ArrayNode entries = JSON.createArrayNode();
        for (JsonNode entry : parse(consents.body()).path("entry")) {
            ObjectNode consent = (ObjectNode) entry.path("resource");
            boolean names = false;
            for (JsonNode actor : consent.at("/provision/actor")) {
                names |= proxy.equals(actor.at("/reference/reference").asText());
            }
            if ("permit".equals(consent.at("/provision/type").asText()) && names) {
                consent.put("status", "inactive");
                ObjectNode put = entries.addObject();
                put.set("resource", consent);
                put.putObject("request").put("method", "PUT").put("url", "Consent/" + consent.path("id").asText())
                        .put("ifMatch", "W/\"" + consent.at("/meta/versionId").asText() + "\"");
            }
        }
        if (entries.isEmpty()) {
            return outcome(404, "not-found", "That person is not acting for you");
        }
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
        bundle.set("entry", entries);
        // the patient's own consents: changed in their name, with the right to write Consent for this one change
        FhirAccess writer = new FhirAccess(caller.agent(), (type, action) -> "Consent".equals(type), caller.visibility(), false);
        FhirApi.Answer written = fhir.handle(writer, "POST", "", bundle.toString().getBytes(StandardCharsets.UTF_8));
        return written.status() == 200 ? outcome(200, "informational", "The person can no longer act for you") : written;
    }

    private static String proxy(byte[] body) {
        for (JsonNode parameter : parse(body).path("parameter")) {
            if ("proxy".equals(parameter.path("name").asText())) {
                return parameter.at("/valueReference/reference").asText(parameter.path("valueString").asText(null));
            }
        }
        return null;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static FhirApi.Answer outcome(int status, String code, String text) {
        ObjectNode outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", status >= 400 ? "error" : "information").put("code", code).put("diagnostics", text);
        return new FhirApi.Answer(status, outcome.toString().getBytes(StandardCharsets.UTF_8));
    }
}
