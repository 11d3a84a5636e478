package org.joinedup.fhir;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test of the FHIR API over real HTTP, on the platform context all such tests share. */
@FhirTest
public abstract class FhirApiTest {

    @LocalServerPort
    protected int port;

    protected FhirClient fhir;

    @BeforeEach
    void fhirClient() {
        fhir = new FhirClient(port);
    }
}
