package org.joinedup.alerts.internal;

import org.joinedup.alerts.AlertRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Raises the alerts modules ask for; the request stays in the event publication registry until it has been raised. */
@Component
class AlertRaising {

    private final AlertDesk desk;

    AlertRaising(AlertDesk desk) {
        this.desk = desk;
    }

    @ApplicationModuleListener
    void on(AlertRequested request) {
        desk.raise(request);
    }
}
