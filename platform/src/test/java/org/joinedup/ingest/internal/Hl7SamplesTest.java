package org.joinedup.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.joinedup.fhir.FhirApiTest;
import org.joinedup.ingest.Mllp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Microsoft's HL7 v2 sample messages (139, v2.3 to v2.8; copied into the test resources, MIT): every one is kept and
 * acknowledged over MLLP, answering its own control id. ADT messages of the mapped events are accepted, and the
 * Patient agrees with Microsoft's expected output on family name, first given name, gender and birth date.
 * ORU^R01 results, MDM^T02 documents and SIU appointments are accepted too. Samples share patient identifiers, so
 * they update one person; when a later sample describes an earlier event than the record holds, the record keeps
 * the newer details (out-of-order protection) and that sample's expected Patient is not compared. Deliberate differences: local identifiers get a JoinedUp system per assigning
 * authority; other message types are rejected (AR, kept as dead letters) until they are mapped.
 */
class Hl7SamplesTest extends FhirApiTest {

    static final Path SAMPLES = Path.of("src/test/resources/testdata/hl7v2/microsoft-fhir-converter");
    static final Map<String, String[]> EXPECTED = expected();
    /** ADT samples of mapped events that are not accepted, and why. */
    static final Map<String, String> KNOWN_REJECTIONS = Map.of(
            "ORU-R01-01", "a v2.8 message whose segments (OBX, PRT, PV1, ORC, TXA before the OBR) do not fit the 2.5.1 ORU_R01 structure it is"
                    + " read into: its OBR lands outside an order, so it is rejected (AE, 'no OBR') and kept as a dead letter");

    @Autowired
    MllpListener listener;

    @Autowired
    JdbcTemplate jdbc;

    static Stream<String> messages() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES.resolve("messages"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void everySampleIsKeptAndAcknowledged(String file) throws Exception {
        String raw = Files.readString(SAMPLES.resolve("messages").resolve(file), StandardCharsets.UTF_8);
        String[] msh = Acks.header(Hl7Processor.normalised(raw));
        int keptBefore = jdbc.queryForObject("SELECT count(*) FROM hl7_message", Integer.class);
        String ack;
        try (Mllp mllp = new Mllp(listener.port())) {
            ack = mllp.send(raw);
        }
        assertThat(Mllp.code(ack)).isIn("AA", "AE", "AR");
        assertThat(Mllp.field(ack, "MSA", 2)).as("answers its control id").isEqualTo(msh[10] == null ? "" : msh[10]);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM hl7_message", Integer.class)).as("kept").isEqualTo(keptBefore + 1);

        String name = file.replace(".hl7", "");
        String event = msh[9] == null ? "" : msh[9].split("\\^")[0] + "^" + (msh[9].split("\\^").length > 1 ? msh[9].split("\\^")[1] : "");
        boolean mapped = event.contains("^") && Hl7Processor.maps(event.split("\\^")[0], event.split("\\^")[1]) && !KNOWN_REJECTIONS.containsKey(name);
        if (mapped) {
            assertThat(Mllp.code(ack)).as(Mllp.field(ack, "MSA", 3)).isEqualTo("AA");
        }
        String reason = jdbc.queryForObject("SELECT coalesce(reason, '') FROM hl7_message ORDER BY id DESC LIMIT 1", String.class);
        boolean olderThanTheRecord = reason.startsWith("Older than the record");
        if (mapped && event.startsWith("ADT") && EXPECTED.containsKey(name) && !olderThanTheRecord) {
            String[] expected = EXPECTED.get(name);
            // samples share identifiers, which makes them one person: the record shows the latest message about them
            JsonNode patient = fhir.get("/Patient?identifier=" + java.net.URLEncoder.encode(patientIdentifier(raw), StandardCharsets.UTF_8)).json()
                    .at("/entry/0/resource");
            assertThat(patient.at("/name/0/family").asText()).as(patient.toString()).isEqualToIgnoringCase(expected[0]);
            assertThat(patient.at("/name/0/given/0").asText()).isEqualToIgnoringCase(expected[1]);
            assertThat(patient.path("gender").asText()).isEqualTo(expected[2]);
            assertThat(patient.path("birthDate").asText()).isEqualTo(expected[3]);
        }
    }

    private static String patientIdentifier(String raw) {
        for (String line : raw.split("[\r\n]+")) {
            if (line.startsWith("PID|")) {
                String cx = line.split("\\|", -1)[3].split("~")[0];
                String[] parts = cx.split("\\^", -1);
                String authority = parts.length > 3 ? parts[3].split("&")[0] : "";
                return AdtMapping.LOCAL_ID + AdtMapping.slug(authority.isBlank() ? "unknown" : authority) + "|" + parts[0];
            }
        }
        return "";
    }

    private static Map<String, String[]> expected() {
        Map<String, String[]> expected = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(SAMPLES.resolve("expected-patients.csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                expected.put(cells[0], new String[] {cells[1], cells[2], cells[3], cells[4]});
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return expected;
    }

    @org.junit.jupiter.api.AfterAll
    static void report(@Autowired JdbcTemplate jdbc) {
        System.out.println("HL7 v2 samples by outcome: " + jdbc.queryForList("SELECT status || ' ' || count(*) FROM hl7_message"
                + " WHERE channel LIKE 'mllp%' GROUP BY status ORDER BY status", String.class) + "; older than the record: "
                + jdbc.queryForObject("SELECT count(*) FROM hl7_message WHERE reason LIKE 'Older than the record%'", Integer.class));
    }
}
