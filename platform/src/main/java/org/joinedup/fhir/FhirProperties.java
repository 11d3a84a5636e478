package org.joinedup.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the FHIR store and API.
 *
 * @param baseUrl the public base URL of the FHIR API; absolute references starting with it are local
 * @param maxPayloadSize largest request body accepted (413 above it)
 * @param validateOnWrite validate every write against the profiles named in its {@code meta.profile}
 * @param defaultPageSize search page size when {@code _count} is not given
 * @param maxPageSize largest page a search returns, whatever {@code _count} asks
 * @param enforceReferentialIntegrity refuse writes whose local references name resources that do not exist
 */
@ConfigurationProperties("joinedup.fhir")
public record FhirProperties(
        @DefaultValue("http://localhost:8080/fhir") String baseUrl,
        @DefaultValue("64MB") DataSize maxPayloadSize,
        @DefaultValue("false") boolean validateOnWrite,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("1000") int maxPageSize,
        @DefaultValue("true") boolean enforceReferentialIntegrity) {

    public FhirProperties {
        if (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }
}
