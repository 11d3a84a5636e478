package org.joinedup.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import java.util.concurrent.CompletableFuture;
import org.joinedup.fhir.internal.model.FhirModel;
import org.joinedup.fhir.internal.param.SearchParamRegistry;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * The R4 model and search parameters take a second or two to build from HAPI's definitions; this starts
 * building them the moment the application starts, beside the database and web server start-up, so the
 * API is ready sooner. Registered in {@code META-INF/spring.factories}.
 */
public final class FhirDefinitions implements ApplicationListener<ApplicationStartingEvent> {

    /** The model and its search parameters. */
    public record Definitions(FhirModel model, SearchParamRegistry registry) {
    }

    private static volatile CompletableFuture<Definitions> building;

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        start();
    }

    static synchronized CompletableFuture<Definitions> start() {
        if (building == null) {
            building = CompletableFuture.supplyAsync(() -> {
                FhirModel model = new FhirModel(FhirContext.forR4Cached());
                return new Definitions(model, new SearchParamRegistry(model));
            }, runnable -> Thread.ofPlatform().name("fhir-definitions").daemon().start(runnable));
        }
        return building;
    }

    /** The definitions, waiting for them if they are still being built. */
    public static Definitions get() {
        return start().join();
    }
}
