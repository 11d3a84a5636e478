package org.joinedup.analytics.internal.export;

import org.joinedup.analytics.AnalyticsProperties;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FhirOperation;
import org.joinedup.fhir.FhirProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FHIR Bulk Data Access operations the store serves: the three kick-offs, the status and the files. */
@Configuration(proxyBeanMethods = false)
class ExportOperations {

    @Bean
    FhirOperation systemExport(ExportJobs jobs, ExportRunner runner, FhirApi fhir, AnalyticsProperties properties, FhirProperties store) {
        return new ExportKickOff(ExportRequest.Level.SYSTEM, jobs, runner, fhir, properties, store.baseUrl());
    }

    @Bean
    FhirOperation patientExport(ExportJobs jobs, ExportRunner runner, FhirApi fhir, AnalyticsProperties properties, FhirProperties store) {
        return new ExportKickOff(ExportRequest.Level.PATIENT, jobs, runner, fhir, properties, store.baseUrl());
    }

    @Bean
    FhirOperation groupExport(ExportJobs jobs, ExportRunner runner, FhirApi fhir, AnalyticsProperties properties, FhirProperties store) {
        return new ExportKickOff(ExportRequest.Level.GROUP, jobs, runner, fhir, properties, store.baseUrl());
    }

    @Bean
    FhirOperation exportStatus(ExportJobs jobs, ExportRunner runner, FhirProperties store) {
        return new ExportStatus(jobs, runner, store.baseUrl());
    }

    @Bean
    FhirOperation exportFile(ExportJobs jobs, ExportRunner runner) {
        return new ExportFile(jobs, runner);
    }
}
