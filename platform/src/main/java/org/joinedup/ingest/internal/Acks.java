package org.joinedup.ingest.internal;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/** Acknowledgements: AA; AE (the message was understood but could not be applied); AR (it was not understood), with the reason in MSA-3 and ERR. */
final class Acks {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());
    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private Acks() {
    }

    static String of(Hl7Parsing parsing, Message message, AcknowledgmentCode code, String reason, ErrorCode error) {
        try {
            HL7Exception problem = reason == null ? null : new HL7Exception(reason, error);
            Message ack = message.generateACK(code, problem);
            if (reason != null) {
                ((ca.uhn.hl7v2.model.v251.segment.MSA) ack.get("MSA")).getTextMessage().setValue(truncate(reason));
            }
            return parsing.encode(ack);
        } catch (Exception e) {
            return byHand(header(messageText(parsing, message)), code.name(), reason == null ? e.getMessage() : reason, error);
        }
    }

    /** An acknowledgement of a message that could not be parsed, answering what its MSH segment says, if anything. */
    static String rejected(String raw, String reason) {
        return byHand(header(raw), "AR", reason, ErrorCode.SEGMENT_SEQUENCE_ERROR);
    }

    private static String messageText(Hl7Parsing parsing, Message message) {
        try {
            return parsing.encode(message);
        } catch (HL7Exception e) {
            return "";
        }
    }

    /** MSH fields (1-based as in the standard: [3] sending application ... [10] control id) of the first segment, if it is MSH. */
    static String[] header(String raw) {
        String first = (raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip().split("[\r\n]", 2)[0];
        if (!first.startsWith("MSH") || first.length() < 8) {
            return new String[21];
        }
        String[] parts = first.split("\\" + first.charAt(3), -1);
        String[] fields = new String[Math.max(21, parts.length + 1)];
        for (int i = 1; i < parts.length; i++) {
            fields[i + 1] = parts[i]; // MSH-1 is the separator itself, so parts[1] is MSH-2
        }
        return fields;
    }

    private static String byHand(String[] msh, String code, String reason, ErrorCode error) {
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(HL7_TIME);
        String text = truncate(reason).replaceAll("[|^~\\\\&\r\n]", " ");
        return "MSH|^~\\&|JoinedUp|JoinedUp|" + nz(msh[3]) + "|" + nz(msh[4]) + "|" + now + "||ACK|" + SEQUENCE.incrementAndGet() + "|P|2.5.1\r"
                + "MSA|" + code + "|" + nz(msh[10]) + "|" + text + "\r"
                + "ERR||||E|" + error.getCode() + "^" + error.name() + "^HL70357|||" + text + "\r";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static String truncate(String reason) {
        String text = reason == null ? "" : reason;
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
