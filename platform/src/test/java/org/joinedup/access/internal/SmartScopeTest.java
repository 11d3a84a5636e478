package org.joinedup.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.joinedup.fhir.FhirAction;
import org.junit.jupiter.api.Test;

/** SMART scopes, v1 and v2, are read as the SMART App Launch specification writes them. */
class SmartScopeTest {

    @Test
    void aV2ScopeAllowsExactlyItsLetters() {
        SmartScope scope = SmartScope.parse("patient/Observation.rs");
        assertThat(scope.context()).isEqualTo("patient");
        assertThat(scope.allows("Observation", FhirAction.READ)).isTrue();
        assertThat(scope.allows("Observation", FhirAction.SEARCH)).isTrue();
        assertThat(scope.allows("Observation", FhirAction.CREATE)).isFalse();
        assertThat(scope.allows("Patient", FhirAction.READ)).isFalse();
    }

    @Test
    void aWildcardTypeCoversEveryType() {
        SmartScope scope = SmartScope.parse("system/*.cruds");
        for (FhirAction action : FhirAction.values()) {
            assertThat(scope.allows("Condition", action)).isTrue();
        }
    }

    @Test
    void v1ReadAndWriteMapToTheirV2Letters() {
        assertThat(SmartScope.parse("user/*.read").actions()).containsExactlyInAnyOrder(FhirAction.READ, FhirAction.SEARCH);
        assertThat(SmartScope.parse("user/Patient.write").actions())
                .containsExactlyInAnyOrder(FhirAction.CREATE, FhirAction.UPDATE, FhirAction.DELETE);
        assertThat(SmartScope.parse("user/*.*").actions()).hasSize(5);
    }

    @Test
    void lettersOutOfOrderOrUnknownAreNotAScope() {
        assertThat(SmartScope.parse("patient/*.sr")).isNull();
        assertThat(SmartScope.parse("patient/*.rx")).isNull();
        assertThat(SmartScope.parse("patient/*.")).isNull();
        assertThat(SmartScope.parse("other/*.rs")).isNull();
    }

    @Test
    void identityScopesAndFinerGrainedQueriesGrantNoData() {
        assertThat(SmartScope.parse("openid")).isNull();
        assertThat(SmartScope.parse("launch/patient")).isNull();
        assertThat(SmartScope.parse("patient/Observation.rs?category=laboratory")).isNull();
    }
}
