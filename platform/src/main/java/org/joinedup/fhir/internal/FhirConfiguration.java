package org.joinedup.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.joinedup.fhir.FhirProperties;
import org.joinedup.fhir.internal.index.IndexExtractor;
import org.joinedup.fhir.internal.json.StructureChecker;
import org.joinedup.fhir.internal.model.FhirModel;
import org.joinedup.fhir.internal.param.SearchParamRegistry;
import org.joinedup.fhir.internal.path.PathEvaluator;
import org.joinedup.fhir.internal.store.ReferenceIntegrity;
import org.joinedup.fhir.internal.store.RelationshipWriter;
import org.joinedup.fhir.internal.store.ResourceDao;
import org.joinedup.fhir.internal.store.ResourcePreparer;
import org.joinedup.fhir.internal.store.ResourceStore;
import org.joinedup.fhir.internal.store.VersionFlusher;
import org.joinedup.fhir.internal.validation.ProfileValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Builds the FHIR store: the R4 model and search parameters from HAPI's definitions, and the store over the database. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirCore fhirCore(FhirProperties properties, JdbcTemplate jdbc, DataSource dataSource, Supplier<ProfileValidator> validator,
                      java.util.List<org.joinedup.fhir.CareRelationshipRule> relationshipRules) {
        FhirDefinitions.Definitions definitions = FhirDefinitions.get();
        FhirModel model = definitions.model();
        SearchParamRegistry registry = definitions.registry();
        IndexExtractor extractor = new IndexExtractor(registry, new PathEvaluator(model), properties.baseUrl(), relationshipRules,
                name -> model.resourceType(name) != null);
        ResourcePreparer preparer = new ResourcePreparer(new StructureChecker(model), extractor,
                properties.validateOnWrite() ? validator : null);
        ResourceDao dao = new ResourceDao(jdbc);
        VersionFlusher flusher = new VersionFlusher(dataSource, dao,
                new ReferenceIntegrity(jdbc, properties.baseUrl(), properties.enforceReferentialIntegrity()),
                RelationshipWriter.of(registry));
        return new FhirCore(model, registry, new ResourceStore(dao, preparer), flusher);
    }

    /**
     * The profile validator loads UK Core and warms up (seconds of work) in the background once the
     * application is ready, so it does not slow start-up; a caller before then waits for it.
     */
    @Bean
    ValidatorHolder profileValidator() {
        return new ValidatorHolder();
    }

    /** Builds the validator on first use or, at the latest, when the application is ready. */
    static final class ValidatorHolder implements Supplier<ProfileValidator>,
            org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent> {

        private final CompletableFuture<ProfileValidator> future = new CompletableFuture<>();
        private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public void onApplicationEvent(org.springframework.boot.context.event.ApplicationReadyEvent event) {
            startBuilding();
        }

        private void startBuilding() {
            if (started.compareAndSet(false, true)) {
                Thread.ofPlatform().name("profile-validator").daemon().priority(Thread.MIN_PRIORITY).start(() -> {
                    try {
                        ProfileValidator validator = new ProfileValidator(FhirContext.forR4Cached());
                        validator.warmUp();
                        future.complete(validator);
                    } catch (RuntimeException | Error e) {
                        future.completeExceptionally(e);
                    }
                });
            }
        }

        @Override
        public ProfileValidator get() {
            startBuilding();
            return future.join();
        }
    }
}
