package org.joinedup.scheduling.internal;

import org.joinedup.scheduling.SchedulingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The appointment jobs: reminders due (every few minutes) and clinics' slots rolled forward (daily, and at start). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingJobs implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SchedulingJobs.class);

    private final AppointmentReminders reminders;
    private final SlotRollForward slots;
    private final SchedulingProperties properties;

    SchedulingJobs(AppointmentReminders reminders, SlotRollForward slots, SchedulingProperties properties) {
        this.reminders = reminders;
        this.slots = slots;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> guarded("reminders", reminders::remindDue), properties.reminderInterval());
        registrar.addFixedDelayTask(() -> guarded("slots", slots::rollForward), properties.slotRollForward());
    }

    private static void guarded(String job, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Appointments: the {} job failed; it runs again at its next time", job, e);
        }
    }
}
