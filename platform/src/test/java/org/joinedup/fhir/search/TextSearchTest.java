package org.joinedup.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.joinedup.fhir.FhirClient;
import org.joinedup.fhir.FhirTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** _content finds words anywhere in a resource (codes' display text, notes, narrative, attached text and PDFs); _text only in its narrative. */
@FhirTest
class TextSearchTest {

    @LocalServerPort
    int port;
    Tagged data;
    String patient;
    String other;
    String metformin;
    String letter;
    String fall;

    @BeforeEach
    void record() {
        data = new Tagged(new FhirClient(port));
        patient = data.create("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Zoë\"}]}");
        other = data.create("{\"resourceType\":\"Patient\"}");
        metformin = data.create("""
                {"resourceType":"MedicationRequest","status":"active","intent":"order","subject":{"reference":"Patient/%s"},
                 "medicationCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"325278007",
                   "display":"Metformin 500mg modified-release tablets"}]},
                 "note":[{"text":"Take with breakfast; review renal function"}]}""".formatted(patient));
        String base64 = Base64.getEncoder().encodeToString("Dear Dr Shah, I saw Mrs Zoë today about her breathlessness.".getBytes(StandardCharsets.UTF_8));
        letter = data.create("""
                {"resourceType":"DocumentReference","status":"current","subject":{"reference":"Patient/%s"},
                 "description":"Cardiology clinic letter",
                 "content":[{"attachment":{"contentType":"text/plain","data":"%s"}}]}""".formatted(patient, base64));
        fall = data.create("""
                {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/%s"},"code":{"text":"Falls risk"},
                 "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">Found on the <b>kitchen</b> floor &amp; unhurt</div>"}}"""
                .formatted(patient));
        data.create("""
                {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/%s"},"code":{"text":"Falls risk"}}""".formatted(other));
    }

    @Test
    void findsTheDisplayTextOfCodesAndNotesByTheBeginningOfTheirWords() {
        assertThat(data.search("MedicationRequest?_content=metf")).containsExactly(metformin);
        assertThat(data.search("MedicationRequest?_content=RENAL%20review")).containsExactly(metformin);
        assertThat(data.search("MedicationRequest?_content=renal%20insulin")).isEmpty();
    }

    @Test
    void findsTheTextOfAttachedDocumentsWithoutCaseOrAccents() {
        assertThat(data.search("DocumentReference?_content=breathless")).containsExactly(letter);
        assertThat(data.search("DocumentReference?_content=zoe")).containsExactly(letter);
        assertThat(data.search("DocumentReference?_content=Shah,nothing-here")).containsExactly(letter);
    }

    @Test
    void findsTheTextOfAnAttachedPdf() throws Exception {
        String report = data.create("""
                {"resourceType":"DocumentReference","status":"current","subject":{"reference":"Patient/%s"},"description":"Echo report",
                 "content":[{"attachment":{"contentType":"application/pdf","data":"%s"}}]}""".formatted(patient,
                Base64.getEncoder().encodeToString(pdf("Echocardiogram: dilated left ventricle, ejection fraction 35%."))));
        String broken = data.create("""
                {"resourceType":"DocumentReference","status":"current","subject":{"reference":"Patient/%s"},"description":"Scanned ventricle note",
                 "content":[{"attachment":{"contentType":"application/pdf","data":"JVBERi0xLjQKJSVFT0YK"}}]}""".formatted(patient));

        assertThat(data.search("DocumentReference?_content=ejection%20ventric")).containsExactly(report);
        assertThat(data.search("DocumentReference?_content=ventricle")).containsExactlyInAnyOrder(report, broken);
    }

    /** A one-page PDF saying this, as a letter-writing system makes them. */
    static byte[] pdf(String text) throws java.io.IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void searchesWithinOnePatientsRecord() {
        assertThat(data.search("Observation?_content=falls")).hasSize(2);
        assertThat(data.search("Observation?patient=" + patient + "&_content=falls")).containsExactly(fall);
        assertThat(data.search("Observation?patient=" + patient + "&_content=falls&_sort=-date")).containsExactly(fall);
        assertThat(data.search("Observation?patient=" + other + "&_content=kitchen&_sort=-date")).isEmpty();
    }

    @Test
    void textSearchesOnlyTheNarrative() {
        assertThat(data.search("Observation?_text=kitchen")).containsExactly(fall);
        assertThat(data.search("Observation?_text=falls")).isEmpty();
        assertThat(data.search("Observation?_content=kitchen&_content=unhurt")).containsExactly(fall);
    }

    @Test
    void followsChangesToTheResource() {
        FhirClient.Response read = data.fhir.get("/MedicationRequest/" + metformin);
        com.fasterxml.jackson.databind.node.ObjectNode changed = (com.fasterxml.jackson.databind.node.ObjectNode) read.json();
        changed.withArray("note").removeAll().addObject().put("text", "Stopped: gastric upset");
        data.fhir.put("/MedicationRequest/" + metformin, changed);

        assertThat(data.search("MedicationRequest?_content=renal")).isEmpty();
        assertThat(data.search("MedicationRequest?_content=gastric")).containsExactly(metformin);
    }

    @Test
    void aSearchWithoutAnyWordIsABadRequest() {
        FhirClient.Response response = data.fhir.get("/Observation?_content=--");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("OperationOutcome").contains("needs at least one word");
    }
}
