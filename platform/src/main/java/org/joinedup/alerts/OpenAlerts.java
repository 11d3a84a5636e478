package org.joinedup.alerts;

import java.util.Collection;
import java.util.List;

/** Other modules' questions about alerts, for their boards. */
public interface OpenAlerts {

    /** An alert not yet closed, as a board shows it. */
    record OpenAlert(String id, String patientId, AlertKind kind, AlertSeverity severity, String title, String status) {
    }

    /** The open alerts of an organisation about these patients, most severe first. */
    List<OpenAlert> forPatients(String organisation, Collection<String> patientIds);
}
