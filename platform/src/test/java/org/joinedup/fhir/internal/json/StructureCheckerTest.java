package org.joinedup.fhir.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import org.joinedup.fhir.internal.model.FhirModel;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.junit.jupiter.api.Test;

class StructureCheckerTest {

    static final StructureChecker CHECKER = new StructureChecker(new FhirModel(FhirContext.forR4Cached()));

    private static StructureChecker.Checked check(String json) {
        return CHECKER.check(FhirJson.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static FhirException refusal(String json) {
        try {
            check(json);
        } catch (FhirException e) {
            return e;
        }
        throw new AssertionError("Accepted: " + json);
    }

    @Test
    void aWellFormedResourcePassesAndItsReferencesAreListed() {
        StructureChecker.Checked checked = check("""
                {"resourceType":"Observation","status":"final","code":{"text":"Pulse"},
                 "subject":{"reference":"Patient/1"},"valueQuantity":{"value":72.0,"unit":"/min"},
                 "_status":{"extension":[{"url":"http://example.org/x","valueString":"y"}]}}""");
        assertThat(checked.type().name()).isEqualTo("Observation");
        assertThat(checked.references()).containsExactly("Patient/1");
    }

    @Test
    void unknownElementsAreRefusedNamingThePath() {
        FhirException e = refusal("{\"resourceType\":\"Patient\",\"name\":[{\"famly\":\"X\"}]}");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.issues().getFirst().expression()).isEqualTo("Patient.name[0].famly");
    }

    @Test
    void primitivesMustHaveTheirJsonKindAndLexicalForm() {
        assertThat(refusal("{\"resourceType\":\"Patient\",\"active\":\"true\"}").issues().getFirst().diagnostics()).contains("boolean");
        assertThat(refusal("{\"resourceType\":\"Patient\",\"birthDate\":\"1980-02-30T10:00\"}").issues().getFirst().expression())
                .isEqualTo("Patient.birthDate");
        assertThat(refusal("{\"resourceType\":\"Patient\",\"multipleBirthInteger\":1.5}").status()).isEqualTo(400);
    }

    @Test
    void repeatingElementsMustBeArraysAndSingleOnesMustNot() {
        assertThat(refusal("{\"resourceType\":\"Patient\",\"name\":{\"family\":\"X\"}}").issues().getFirst().diagnostics()).contains("array");
        assertThat(refusal("{\"resourceType\":\"Patient\",\"gender\":[\"male\"]}").issues().getFirst().diagnostics()).contains("not be an array");
    }

    @Test
    void emptyValuesAndMissingRequiredElementsAreRefused() {
        assertThat(refusal("{\"resourceType\":\"Patient\",\"name\":[{}]}").issues().getFirst().diagnostics()).contains("empty object");
        assertThat(refusal("{\"resourceType\":\"Patient\",\"gender\":\"\"}").issues().getFirst().diagnostics()).contains("empty");
        assertThat(refusal("{\"resourceType\":\"Observation\",\"code\":{\"text\":\"x\"}}").issues().getFirst().expression())
                .isEqualTo("Observation.status");
    }

    @Test
    void onlyOneTypeOfAChoiceIsAllowed() {
        assertThat(refusal("{\"resourceType\":\"Patient\",\"deceasedBoolean\":true,\"deceasedDateTime\":\"2020\"}").issues()
                .getFirst().diagnostics()).contains("deceased[x]");
    }

    @Test
    void containedResourcesAreCheckedToo() {
        assertThat(refusal("{\"resourceType\":\"Patient\",\"contained\":[{\"resourceType\":\"Practitioner\",\"id\":\"p\",\"nmae\":[]}]}")
                .issues().getFirst().expression()).isEqualTo("Patient.contained[0].nmae");
    }

    @Test
    void aWrongNhsNumberCheckDigitIsRefusedNamingTheElement() {
        FhirException e = refusal("""
                {"resourceType":"Patient","identifier":[{"system":"https://fhir.nhs.uk/Id/other","value":"1"},
                 {"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765918"}]}""");
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.issues().getFirst().expression()).isEqualTo("Patient.identifier[1].value");
        assertThat(e.issues().getFirst().diagnostics()).contains("9434765918").contains("check digit");
    }

    @Test
    void malformedJsonAndDuplicateKeysAreRefused() {
        assertThatThrownBy(() -> FhirJson.parseObject("{\"resourceType\":".getBytes())).isInstanceOf(FhirException.class);
        assertThatThrownBy(() -> FhirJson.parseObject("{\"a\":1,\"a\":2}".getBytes())).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> FhirJson.parseObject("[1]".getBytes())).hasMessageContaining("not an object");
    }
}
