package org.joinedup.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HL7 v2 feeds ({@code joinedup.hl7.*}).
 *
 * @param mllpPort the MLLP listener's port (0: any free port; -1: no listener, HTTP only)
 * @param maxMessageSize the largest message accepted, in bytes (larger: rejected and kept)
 */
@ConfigurationProperties("joinedup.hl7")
public record Hl7Properties(@DefaultValue("2575") int mllpPort, @DefaultValue("1048576") int maxMessageSize) {
}
