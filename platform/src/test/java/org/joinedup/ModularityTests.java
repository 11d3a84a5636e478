package org.joinedup;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesOnlyTalkThroughTheirPublicApi() {
        ApplicationModules.of(JoinedUpApplication.class).verify();
    }
}
