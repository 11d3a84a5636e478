package org.joinedup.fhir.internal.rest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.joinedup.fhir.internal.json.FhirJson;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;

/** Reads a request body as a resource: JSON directly, XML through HAPI's strict parser. */
public final class BodyParser {

    private final FhirContext context;

    public BodyParser(FhirContext context) {
        this.context = context;
    }

    public ObjectNode resource(FhirRequest request) {
        if (request.resource() != null) {
            return request.resource();
        }
        if (request.body() == null || request.body().length == 0) {
            throw new FhirException(400, Issue.error("required", "The request has no body; a FHIR resource was expected"));
        }
        Boolean xml = MediaTypes.isXml(request.contentType());
        if (Boolean.TRUE.equals(xml) || (xml == null && looksLikeXml(request.body()))) {
            return fromXml(request.body());
        }
        return FhirJson.parseObject(request.body());
    }

    private ObjectNode fromXml(byte[] body) {
        IParser parser = context.newXmlParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            IBaseResource resource = parser.parseResource(new String(body, StandardCharsets.UTF_8));
            String json = context.newJsonParser().encodeResourceToString(resource);
            return FhirJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new FhirException(400, Issue.error("structure", "The body is not a valid FHIR XML resource: " + e.getMessage()));
        }
    }

    private static boolean looksLikeXml(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }
}
