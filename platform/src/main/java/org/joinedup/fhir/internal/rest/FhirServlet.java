package org.joinedup.fhir.internal.rest;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Instant;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirAccessResolver;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.FhirInteraction;
import org.joinedup.fhir.internal.access.Caller;
import org.joinedup.fhir.internal.access.DisclosedPatients;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;

/**
 * The FHIR REST API at {@code /fhir}: turns HTTP into {@link FhirRequest}s for {@link Interactions}
 * and writes the answers. A plain servlet: FHIR's URL grammar is its own, and the read path stays short.
 */
public final class FhirServlet extends HttpServlet {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FhirServlet.class);

    private final Interactions interactions;
    private final ResponseWriter writer;
    private final long maxPayload;
    private final FhirAccessResolver resolver;
    private final FhirAuditSink audit;
    private final DisclosedPatients patients;

    public FhirServlet(Interactions interactions, long maxPayload, FhirAccessResolver resolver, FhirAuditSink audit,
                       DisclosedPatients patients) {
        this.patients = patients;
        this.interactions = interactions;
        this.writer = new ResponseWriter(interactions.context());
        this.maxPayload = maxPayload;
        this.resolver = resolver;
        this.audit = audit;
    }

    /**
     * Handles one request on behalf of its caller, then records it in the audit before answering: if the
     * record cannot be made, the answer is withheld (the audit fails closed).
     */
    @Override
    protected void service(HttpServletRequest http, HttpServletResponse response) throws IOException {
        Instant started = Instant.now();
        FhirRequest request;
        try {
            request = read(http);
        } catch (FhirException e) {
            FhirRequest bare = new FhirRequest(http.getMethod(), List.of(), QueryParams.parse(http.getQueryString()),
                    Map.of(), null, null, null);
            writer.write(bare, FhirResponse.error(e), response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (isCapabilities(request)) {
            writer.write(request, interactions.handle(request, baseUrl(http)), response);
            return;
        }
        FhirAccess access;
        try {
            access = resolver.resolve(http);
        } catch (FhirAccessResolver.Unauthenticated refused) {
            refuse(http, request, started, refused, response);
            return;
        }
        Caller.Bound<FhirResponse> handled;
        try {
            handled = Caller.as(access, () -> interactions.handle(request, baseUrl(http)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        FhirResponse answer = handled.result();
        try {
            audit.record(new FhirInteraction(access.agent(), started, request.method(), url(http), AuditNames.interaction(request),
                    answer.status(), patients.complete(handled.disclosed()), AuditNames.detail(answer)));
        } catch (RuntimeException e) {
            log.error("The audit could not record a FHIR interaction; the answer was withheld", e);
            answer = FhirResponse.error(new FhirException(503, Issue.error("transient",
                    "The access could not be recorded in the audit, so it was refused; try again later")));
        }
        writer.write(request, answer, response);
    }

    /** 401: the bearer challenge of RFC 6750 and an OperationOutcome; the refusal is audited, the caller unknown. */
    private void refuse(HttpServletRequest http, FhirRequest request, Instant started, FhirAccessResolver.Unauthenticated refused,
                        HttpServletResponse response) throws IOException {
        try {
            audit.record(new FhirInteraction(new FhirAgent("unauthenticated " + http.getRemoteAddr(), "anonymous", null, null, null,
                    null, null), started, request.method(), url(http), "refused-unauthenticated", 401, List.of(), refused.getMessage()));
        } catch (RuntimeException e) {
            log.error("A refused request could not be audited", e);
        }
        response.setHeader("WWW-Authenticate", refused.challenge());
        writer.write(request, FhirResponse.error(new FhirException(401, Issue.error("login", refused.getMessage()))), response);
    }

    private static boolean isCapabilities(FhirRequest request) {
        return request.path().size() == 1 && request.path().getFirst().equals("metadata")
                && (request.method().equals("GET") || request.method().equals("HEAD"));
    }

    private static String url(HttpServletRequest http) {
        String path = http.getPathInfo() == null ? "" : http.getPathInfo();
        return http.getQueryString() == null ? path : path + "?" + http.getQueryString();
    }

    private FhirRequest read(HttpServletRequest http) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), http.getHeader(name));
        }
        String contentType = MediaTypes.base(http.getContentType());
        byte[] body = readBody(http);
        QueryParams query = QueryParams.parse(http.getQueryString());
        if (MediaTypes.FORM.equals(contentType) && body.length > 0) {
            query = query.plus(QueryParams.parse(new String(body, StandardCharsets.UTF_8)));
            body = null;
        }
        return new FhirRequest(http.getMethod(), path(http), query, headers, null, body, contentType);
    }

    private byte[] readBody(HttpServletRequest http) throws IOException {
        long declared = http.getContentLengthLong();
        if (declared > maxPayload) {
            throw tooLarge();
        }
        try (InputStream in = http.getInputStream()) {
            if (declared >= 0) {
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                return read == body.length ? body : java.util.Arrays.copyOf(body, read);
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPayload + 1));
            if (body.length > maxPayload) {
                throw tooLarge();
            }
            return body;
        }
    }

    private FhirException tooLarge() {
        return new FhirException(413, Issue.error("too-costly",
                "The request body is larger than the limit of " + maxPayload + " bytes (joinedup.fhir.max-payload-size)"));
    }

    private static List<String> path(HttpServletRequest http) {
        String info = http.getPathInfo();
        List<String> segments = new ArrayList<>();
        if (info == null) {
            return segments;
        }
        for (String segment : info.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static String baseUrl(HttpServletRequest http) {
        StringBuilder url = new StringBuilder();
        String forwardedProto = http.getHeader("X-Forwarded-Proto");
        String forwardedHost = http.getHeader("X-Forwarded-Host");
        url.append(forwardedProto != null ? forwardedProto : http.getScheme()).append("://");
        if (forwardedHost != null) {
            url.append(forwardedHost);
        } else {
            url.append(http.getServerName());
            int port = http.getServerPort();
            if (!((port == 80 && "http".equals(http.getScheme())) || (port == 443 && "https".equals(http.getScheme())))) {
                url.append(':').append(port);
            }
        }
        return url.append(http.getContextPath()).append(http.getServletPath()).toString();
    }
}
