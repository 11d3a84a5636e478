package org.joinedup.audit.internal;

import java.time.Instant;
import java.util.List;

/**
 * One row of the audit as it is chained: every column is covered by the row's hash.
 *
 * @param seq its place in the chain
 * @param recorded when it was recorded
 * @param agent who acted (token subject)
 * @param agentKind staff, patient or system
 * @param agentRole a member of staff's role, or null
 * @param organization their organisation's ODS code, or null
 * @param clientId the OAuth client, or null
 * @param action the interaction
 * @param outcome the HTTP status answered
 * @param breakGlass whether the access was made under break-glass
 * @param patients the patients whose records were touched
 * @param content the AuditEvent JSON
 */
record AuditEntry(long seq, Instant recorded, String agent, String agentKind, String agentRole, String organization, String clientId, String action, String outcome,
                  boolean breakGlass, List<String> patients, String content) {

    /** The text a row's hash covers, after the previous row's hash. */
    String chainText(String previousHash) {
        return previousHash + '\n' + seq + '\n' + recorded + '\n' + agent + '\n' + agentKind + '\n' + agentRole + '\n' + organization + '\n' + clientId + '\n' + action
                + '\n' + outcome + '\n' + breakGlass + '\n' + String.join(",", patients) + '\n' + content;
    }
}
