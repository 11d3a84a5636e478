package org.joinedup.scheduling.internal;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three operations that record whether a patient came. */
@Configuration(proxyBeanMethods = false)
class AttendanceOperations {

    @Bean
    Attendance arrived(StoreCalls store) {
        return new Attendance(store, "arrived", "arrived", Set.of("booked", "checked-in"));
    }

    @Bean
    Attendance fulfilled(StoreCalls store) {
        return new Attendance(store, "fulfilled", "fulfilled", Set.of("booked", "arrived", "checked-in"));
    }

    @Bean
    Attendance noshow(StoreCalls store) {
        return new Attendance(store, "noshow", "noshow", Set.of("booked"));
    }
}
