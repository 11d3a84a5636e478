package org.joinedup.fhir.internal.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.FhirInteraction;
import org.joinedup.fhir.internal.access.Caller;
import org.joinedup.fhir.internal.access.DisclosedPatients;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link FhirApi} without HTTP: the same interactions, access rules and audit as {@link FhirServlet}; fails closed if the audit cannot record. */
@Component
class InProcessFhirApi implements FhirApi {

    private final Interactions interactions;
    private final FhirAuditSink audit;
    private final DisclosedPatients patients;
    private final String baseUrl;

    InProcessFhirApi(Interactions interactions, FhirAuditSink audit, JdbcTemplate jdbc, org.joinedup.fhir.FhirProperties properties) {
        this.interactions = interactions;
        this.audit = audit;
        this.patients = new DisclosedPatients(jdbc);
        this.baseUrl = properties.baseUrl();
    }

    @Override
    public Answer handle(FhirAccess access, String method, String pathAndQuery, byte[] body) {
        Instant started = Instant.now();
        int mark = pathAndQuery.indexOf('?');
        String path = mark < 0 ? pathAndQuery : pathAndQuery.substring(0, mark);
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        FhirRequest request = new FhirRequest(method, segments, QueryParams.parse(mark < 0 ? null : pathAndQuery.substring(mark + 1)),
                Map.of("content-type", "application/fhir+json"), null, body, body == null ? null : "application/fhir+json");
        Caller.Bound<FhirResponse> handled;
        try {
            handled = Caller.as(access, () -> interactions.handle(request, baseUrl));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        FhirResponse answer = handled.result();
        audit.record(new FhirInteraction(access.agent(), started, method, "/" + pathAndQuery, AuditNames.interaction(request), answer.status(),
                patients.complete(handled.disclosed()), AuditNames.detail(answer)));
        return new Answer(answer.status(), answer.json() == null ? new byte[0] : answer.json(), answer.headers(), answer.stream());
    }
}
