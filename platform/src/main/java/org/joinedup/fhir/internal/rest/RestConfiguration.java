package org.joinedup.fhir.internal.rest;

import java.util.function.Supplier;
import org.joinedup.fhir.FhirAccessResolver;
import org.joinedup.fhir.FhirAuditSink;
import org.joinedup.fhir.FhirProperties;
import org.joinedup.fhir.internal.FhirCore;
import org.joinedup.fhir.internal.access.DisclosedPatients;
import org.joinedup.fhir.internal.bundle.BundleProcessor;
import org.joinedup.fhir.internal.bundle.TransactionProcessor;
import org.joinedup.fhir.internal.search.ConditionalMatch;
import org.joinedup.fhir.internal.search.SearchExecutor;
import org.joinedup.fhir.internal.search.SearchParser;
import org.joinedup.fhir.internal.store.CompartmentDao;
import org.joinedup.fhir.internal.store.HistoryDao;
import org.joinedup.fhir.internal.validation.ProfileValidator;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the REST API at {@code /fhir} from the store's parts. */
@Configuration(proxyBeanMethods = false)
class RestConfiguration {

    @Bean
    Interactions fhirInteractions(FhirCore core, FhirProperties properties, JdbcTemplate jdbc,
                                  PlatformTransactionManager transactionManager, Supplier<ProfileValidator> validator,
                                  org.springframework.beans.factory.ObjectProvider<org.joinedup.fhir.FhirOperation> provided) {
        TransactionTemplate writes = new TransactionTemplate(transactionManager);
        TransactionTemplate reads = new TransactionTemplate(transactionManager);
        reads.setReadOnly(true);
        reads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        SearchParser parser = new SearchParser(core.registry(), properties.defaultPageSize(), properties.maxPageSize());
        SearchExecutor executor = new SearchExecutor(jdbc, core.registry(), properties.baseUrl());
        ConditionalMatch conditional = new ConditionalMatch(jdbc, parser, executor);
        BodyParser bodies = new BodyParser(core.model().context());
        ElementFilter filter = new ElementFilter(core.model());
        EverythingHandler everything = new EverythingHandler(core.store(), new CompartmentDao(jdbc), conditional, reads,
                properties.maxPageSize(), core.model().resourceTypeNames());
        byte[] capabilities = CapabilityStatementBuilder.build(core.registry(), core.model().resourceTypeNames(), properties.baseUrl(),
                RestConfiguration.class.getPackage().getImplementationVersion() == null ? "development"
                        : RestConfiguration.class.getPackage().getImplementationVersion());
        TransactionProcessor transactions = new TransactionProcessor(core.model(), core.store(), conditional, writes, core.flusher());
        return new Interactions(core.model(),
                new ReadHandler(core.store(), filter),
                new WriteHandler(core.store(), bodies, conditional, writes, core.flusher()),
                new SearchHandler(parser, executor, filter),
                new HistoryHandler(new HistoryDao(jdbc), core.store().dao(), core.model().resourceTypeNames(),
                        properties.defaultPageSize(), properties.maxPageSize()),
                new OperationHandler(core.store(), bodies, everything, validator, capabilities, () -> provided.orderedStream().toList()),
                new BundleProcessor(bodies, transactions));
    }

    @Bean
    ServletRegistrationBean<FhirServlet> fhirServlet(Interactions interactions, FhirProperties properties, FhirAccessResolver resolver,
                                                     FhirAuditSink audit, JdbcTemplate jdbc) {
        ServletRegistrationBean<FhirServlet> registration = new ServletRegistrationBean<>(new FhirServlet(interactions,
                properties.maxPayloadSize().toBytes(), resolver, audit, new DisclosedPatients(jdbc)), "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
