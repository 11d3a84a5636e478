package org.joinedup.bench.withoutaudit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link WithoutAudit} when the benchmark loads its classes into the platform. */
@Configuration(proxyBeanMethods = false)
public class WithoutAuditConfiguration {

    @Bean
    static WithoutAudit withoutAudit() {
        return new WithoutAudit();
    }
}
