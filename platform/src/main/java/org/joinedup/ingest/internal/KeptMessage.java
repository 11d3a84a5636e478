package org.joinedup.ingest.internal;

/** A kept HL7 v2 message: its header's identity, and what became of it. (Public only so that page templates can read it.) */
public record KeptMessage(long id, String channel, String sendingApplication, String sendingFacility, String controlId, String messageType, String raw,
                          String status, String reason, String received, Long replayOf) {
}
