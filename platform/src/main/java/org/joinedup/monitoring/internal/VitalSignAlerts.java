package org.joinedup.monitoring.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.joinedup.alerts.AlertKind;
import org.joinedup.alerts.AlertRequested;
import org.joinedup.alerts.AlertSeverity;
import org.joinedup.monitoring.News2Score;
import org.joinedup.monitoring.SepsisScreen;
import org.joinedup.monitoring.VitalSigns;

/**
 * The alerts a scored set of vital signs asks for, by the RCP's response thresholds: a total of 7 or more an
 * emergency; 5 or 6, or 3 in one parameter, urgent (a total of 0 to 4 without a red score asks for none, the
 * ward's routine monitoring being enough). And, by NICE NG51's community criteria, a sepsis alert when any
 * high-risk criterion fires, naming them (to be acted on if infection is suspected).
 */
final class VitalSignAlerts {

    private VitalSignAlerts() {
    }

    /** Whether a scored set asks for any alert (so the team to alert need be looked up only then). */
    static boolean needed(VitalSigns signs, News2Score news2) {
        return news2.total() >= 5 || news2.redScore() || SepsisScreen.community(signs).risk() == SepsisScreen.Risk.HIGH;
    }

    static List<AlertRequested> of(String inputsKey, String score, String subject, VitalSigns signs, News2Score news2, ResponsibleTeam team,
                                   Instant effective, Instant received) {
        List<AlertRequested> alerts = new ArrayList<>();
        String patient = subject.replaceFirst("^Patient/", "");
        if (news2.total() >= 5 || news2.redScore()) {
            AlertSeverity severity = news2.total() >= 7 ? AlertSeverity.EMERGENCY : AlertSeverity.URGENT;
            String title = "Score " + news2.total() + (news2.redScore() && news2.total() < 5 ? " with a score of 3 in one parameter" : "")
                    + " (" + news2.risk().label().toLowerCase(java.util.Locale.ROOT) + " risk)";
            alerts.add(new AlertRequested("news2/" + inputsKey, "news2-" + news2.risk().name().toLowerCase(java.util.Locale.ROOT), AlertKind.NEWS2, severity,
                    title, news2.risk().response(), team.organisation(), team.place(), patient, score, effective, received));
        }
        SepsisScreen.Result sepsis = SepsisScreen.community(signs);
        if (sepsis.risk() == SepsisScreen.Risk.HIGH) {
            alerts.add(new AlertRequested("sepsis/" + inputsKey, "sepsis-high-risk", AlertKind.SEPSIS, AlertSeverity.EMERGENCY,
                    "High risk of sepsis if infection is suspected", "NICE NG51 criteria met: " + String.join("; ", sepsis.criteria()),
                    team.organisation(), team.place(), patient, score, effective, received));
        }
        return alerts;
    }
}
