package org.joinedup.ingest.internal;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v251.group.MDM_T02_OBSERVATION;
import ca.uhn.hl7v2.model.v251.message.MDM_T02;
import ca.uhn.hl7v2.model.v251.segment.OBX;
import ca.uhn.hl7v2.model.v251.segment.TXA;
import ca.uhn.hl7v2.util.Terser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Documents (MDM^T02: a letter, a discharge summary, a report) as a DocumentReference: its unique number (TXA-12)
 * as identifier, type (TXA-2), completion status (TXA-17), date, author, and the text (OBX TX/FT/ST lines, joined)
 * or the embedded file (OBX ED, base64) as the attachment. Replaced in place by its number. The patient is
 * created only if unknown, as for results.
 */
final class MdmMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MdmMapping() {
    }

    static ObjectNode transaction(Message message, String source) throws HL7Exception, AdtMapping.Unmappable {
        if (!(message instanceof MDM_T02 mdm)) {
            throw new AdtMapping.Unmappable("The message is not structured as MDM^T02");
        }
        Terser t = new Terser(message);
        String facility = AdtMapping.facility(t);
        ObjectNode bundle = AdtMapping.transactionBundle();
        ArrayNode entries = bundle.putArray("entry");
        String patientUrl = PidMapping.ifUnknown(entries, PidMapping.patient(t, source));

        TXA txa = mdm.getTXA();
        ObjectNode document = AdtMapping.resource("DocumentReference", source);
        String number = text(txa.getUniqueDocumentNumber().getEntityIdentifier().getValue());
        String system = AdtMapping.LOCAL_ID + facility + "/document";
        if (number != null) {
            document.putObject("masterIdentifier").put("system", system).put("value", number);
            document.putArray("identifier").addObject().put("system", system).put("value", number);
        }
        document.put("status", "current");
        document.put("docStatus", docStatus(text(txa.getDocumentCompletionStatus().getValue())));
        String type = text(txa.getDocumentType().getValue());
        document.putObject("type").put("text", type == null ? "Document" : type).putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/v2-0270").put("code", type == null ? "DI" : type);
        document.putObject("subject").put("reference", patientUrl);
        String date = Hl7Times.dateTime(txa.getActivityDateTime().getTime().getValue());
        if (date == null) {
            date = Hl7Times.dateTime(t.get("/MSH-7-1"));
        }
        if (date != null && date.contains("T")) {
            document.put("date", date);
        }
        String author = author(txa);
        if (author != null) {
            document.putArray("author").addObject().put("display", author);
        }
        document.putArray("content").addObject().set("attachment", attachment(mdm));
        String documentUrl = "urn:uuid:" + UUID.randomUUID();
        AdtMapping.upsert(entries, documentUrl, document, system, number);
        AdtMapping.entry(entries, "urn:uuid:" + UUID.randomUUID(), Provenances.of(t, source, patientUrl, documentUrl), "POST", "Provenance");
        return bundle;
    }

    /** The document's text (its OBX text lines, one per line) or its first embedded file. */
    private static ObjectNode attachment(MDM_T02 mdm) throws HL7Exception {
        StringBuilder text = new StringBuilder();
        for (MDM_T02_OBSERVATION observation : mdm.getOBSERVATIONAll()) {
            OBX obx = observation.getOBX();
            String valueType = obx.getValueType().getValue();
            for (int i = 0; i < obx.getObservationValueReps(); i++) {
                String value = ((Varies) obx.getObservationValue(i)).getData().encode();
                if ("ED".equals(valueType)) {
                    String[] parts = value.split("\\^", -1);
                    if (parts.length >= 5 && "Base64".equalsIgnoreCase(parts[3])) {
                        ObjectNode file = JSON.createObjectNode().put("contentType", (parts[1] + "/" + parts[2]).toLowerCase(java.util.Locale.ROOT));
                        return file.put("data", parts[4]);
                    }
                } else if (value != null && !value.isBlank()) {
                    text.append(value.replace("\\.br\\", "\n")).append('\n');
                }
            }
        }
        ObjectNode attachment = JSON.createObjectNode().put("contentType", "text/plain; charset=utf-8");
        if (text.isEmpty()) {
            return attachment.put("title", "No text was sent with this document");
        }
        return attachment.put("data", Base64.getEncoder().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String author(TXA txa) throws HL7Exception {
        if (txa.getOriginatorCodeNameReps() == 0) {
            return null;
        }
        var xcn = txa.getOriginatorCodeName(0);
        String family = text(xcn.getFamilyName().getSurname().getValue());
        String given = text(xcn.getGivenName().getValue());
        String prefix = text(xcn.getPrefixEgDR().getValue());
        String name = String.join(" ", java.util.stream.Stream.of(prefix, given, family).filter(java.util.Objects::nonNull).toList());
        return name.isBlank() ? text(xcn.getIDNumber().getValue()) : name;
    }

    private static String docStatus(String code) {
        return switch (code == null ? "AU" : code) {
            case "IP", "IN", "DI", "PA" -> "preliminary";
            case "CA" -> "entered-in-error";
            default -> "final";
        };
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
