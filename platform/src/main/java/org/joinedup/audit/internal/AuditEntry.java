package org.joinedup.audit.internal;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit, as it is chained and kept: the facts of an access, from which the BALP AuditEvent is
 * rendered when someone reads the audit ({@link BalpEvents}).
 *
 * @param seq its place in the chain
 * @param recorded when it was recorded (to the microsecond)
 * @param agent who acted (token subject)
 * @param agentKind staff, patient, system or anonymous
 * @param agentRole a member of staff's role, or null
 * @param organization their organisation's ODS code, or null
 * @param clientId the OAuth client, or null
 * @param action the interaction (read, search, create, ..., or a page)
 * @param outcome the HTTP status answered
 * @param breakGlass whether the access was made under break-glass
 * @param purpose the purpose of use (ETREAT under break-glass), or null
 * @param query the request: method, path and query below the FHIR base (or the page)
 * @param detail what a refusal or failure said, or null
 * @param patients the patients whose records were touched
 * @param resources the resources read or written ({@code Type/id}); for searches, which BALP records by their query,
 *                  none
 * @param content for entries recorded before the audit was kept as lines (format 1): the AuditEvent as then written
 */
public record AuditEntry(long seq, Instant recorded, String agent, String agentKind, String agentRole, String organization, String clientId, String action,
                  String outcome, boolean breakGlass, String purpose, String query, String detail, List<String> patients, List<String> resources,
                  String content) {

    /** The text a format-1 row's hash covered, after the previous row's hash. */
    String legacyChainText(String previousHash) {
        return previousHash + '\n' + seq + '\n' + recorded + '\n' + agent + '\n' + agentKind + '\n' + agentRole + '\n' + organization + '\n' + clientId + '\n' + action
                + '\n' + outcome + '\n' + breakGlass + '\n' + String.join(",", patients) + '\n' + content;
    }
}
