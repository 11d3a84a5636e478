package org.joinedup.alerts.internal;

import java.time.Duration;
import java.time.LocalTime;
import org.joinedup.identity.DemoProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The demo's routing rules (when the demo is enabled): falls and medication alerts to the care workers of the
 * device's organisation, escalating after 2 minutes to the demo care home's manager on call, by text; NEWS2,
 * sepsis and overdue readings to the organisation's clinicians, escalating after 15 minutes to the demo consultant.
 */
@Component
class DemoRoutes implements ApplicationRunner {

    private static final LocalTime ALL_DAY = LocalTime.MIDNIGHT;

    private final DemoProperties demo;
    private final AlertRoutes routes;

    DemoRoutes(DemoProperties demo, AlertRoutes routes) {
        this.demo = demo;
        this.routes = routes;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        for (String kind : new String[] {"fall", "medication"}) {
            routes.add(new AlertRoutes.NewRoute("*", kind, 0, ALL_DAY, ALL_DAY, "care-worker", null, null, null, null, Duration.ofMinutes(2)), "demo");
            routes.add(new AlertRoutes.NewRoute("VN9001", kind, 1, ALL_DAY, ALL_DAY, null, "care.home.manager", "Demo Care Home Manager", "07700900123",
                    null, Duration.ofMinutes(10)), "demo");
        }
        for (String kind : new String[] {"news2", "sepsis", "overdue-readings"}) {
            routes.add(new AlertRoutes.NewRoute("*", kind, 0, ALL_DAY, ALL_DAY, "clinician", null, null, null, null, Duration.ofMinutes(15)), "demo");
            routes.add(new AlertRoutes.NewRoute("RYY", kind, 1, ALL_DAY, ALL_DAY, null, "hospital.clinician", "Demo Consultant", "07700900456", null,
                    Duration.ofMinutes(30)), "demo");
        }
    }
}
