package org.joinedup.scheduling.internal;

import org.joinedup.scheduling.SchedulingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The appointment jobs, each first run at start: reminders due (every few minutes), clinics' slots rolled forward
 * (hourly), the waiting list validation campaign (weekly) and follow-up windows ending (hourly).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingJobs implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SchedulingJobs.class);

    private final AppointmentReminders reminders;
    private final SlotRollForward slots;
    private final WaitingListValidation validation;
    private final PifuWindows pifu;
    private final SchedulingProperties properties;

    SchedulingJobs(AppointmentReminders reminders, SlotRollForward slots, WaitingListValidation validation, PifuWindows pifu,
                   SchedulingProperties properties) {
        this.reminders = reminders;
        this.slots = slots;
        this.validation = validation;
        this.pifu = pifu;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> guarded("reminders", reminders::remindDue), properties.reminderInterval());
        registrar.addFixedDelayTask(() -> guarded("slots", slots::rollForward), properties.slotRollForward());
        registrar.addFixedDelayTask(() -> guarded("waiting list validation", validation::scheduled), properties.validationInterval());
        registrar.addFixedDelayTask(() -> guarded("follow-up windows", pifu::check), properties.pifuInterval());
    }

    private static void guarded(String job, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Appointments: the {} job failed; it runs again at its next time", job, e);
        }
    }
}
