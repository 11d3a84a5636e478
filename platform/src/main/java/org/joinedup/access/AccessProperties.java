package org.joinedup.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the access rules.
 *
 * @param breakGlassDuration how long a break-glass grant lasts
 */
@ConfigurationProperties("joinedup.access")
public record AccessProperties(@DefaultValue("4h") Duration breakGlassDuration) {
}
