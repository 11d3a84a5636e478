package org.joinedup.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit.
 *
 * @param showStaffNames whether patients see the user names of the staff who viewed their record (otherwise
 *                       only the organisation, role, date and reason)
 */
@ConfigurationProperties("joinedup.audit")
public record AuditProperties(@DefaultValue("false") boolean showStaffNames) {
}
