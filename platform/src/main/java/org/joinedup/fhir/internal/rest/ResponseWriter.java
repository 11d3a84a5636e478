package org.joinedup.fhir.internal.rest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.joinedup.fhir.internal.json.FhirJson;

/** Writes a {@link FhirResponse} in the format the client asked for ({@code _format}, then Accept), JSON by default. */
final class ResponseWriter {

    private final FhirContext context;

    ResponseWriter(FhirContext context) {
        this.context = context;
    }

    void write(FhirRequest request, FhirResponse response, HttpServletResponse http) throws IOException {
        http.setStatus(response.status());
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            http.setHeader(header.getKey(), header.getValue());
        }
        if (response.stream() != null || response.headers().containsKey("Content-Type")) {
            writeAsGiven(request, response, http);
            return;
        }
        if (response.json() == null) {
            return;
        }
        boolean xml = wantsXml(request);
        boolean pretty = "true".equals(request.query().first("_pretty"));
        byte[] body = xml ? toXml(response.json(), pretty) : pretty ? FhirJson.writePretty(FhirJson.readStored(response.json())) : response.json();
        http.setContentType(contentType(request, xml) + ";charset=UTF-8");
        http.setContentLength(body.length);
        if (!"HEAD".equals(request.method())) {
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            }
        }
    }

    /** An operation's own body (NDJSON, CSV, a bulk export's file): written as it is, streamed if it is a stream. */
    private static void writeAsGiven(FhirRequest request, FhirResponse response, HttpServletResponse http) throws IOException {
        if ("HEAD".equals(request.method())) {
            return;
        }
        try (OutputStream out = http.getOutputStream()) {
            if (response.stream() != null) {
                response.stream().writeTo(out);
            } else if (response.json() != null) {
                http.setContentLength(response.json().length);
                out.write(response.json());
            }
        }
    }

    /**
     * A browser (Accept: text/html, no FHIR type named) gets the same body labelled application/json or
     * application/xml, which it shows, rather than a FHIR media type, which it would download.
     */
    private static String contentType(FhirRequest request, boolean xml) {
        if (isBrowser(request) && request.query().first("_format") == null) {
            return xml ? "application/xml" : "application/json";
        }
        return xml ? MediaTypes.FHIR_XML : MediaTypes.FHIR_JSON;
    }

    private static boolean wantsXml(FhirRequest request) {
        Boolean format = MediaTypes.isXml(request.query().first("_format"));
        if (format != null) {
            return format;
        }
        return !isBrowser(request) && MediaTypes.acceptsXmlFirst(request.header("accept"));
    }

    /** A web browser's Accept header: HTML first, no FHIR type. Browsers get JSON unless they ask otherwise. */
    private static boolean isBrowser(FhirRequest request) {
        String accept = request.header("accept");
        return accept != null && accept.contains("text/html") && !accept.contains("fhir");
    }

    private byte[] toXml(byte[] json, boolean pretty) {
        IBaseResource resource = context.newJsonParser().parseResource(new String(json, StandardCharsets.UTF_8));
        IParser xml = context.newXmlParser().setPrettyPrint(pretty);
        return xml.encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
    }
}
