package org.joinedup.demo.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.joinedup.demo.DemoRegionProperties;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.joinedup.identity.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the demo's first start (demo enabled, region not yet in the store), loads the synthetic region through the
 * FHIR API as transaction Bundles, as a feed would, audited as the platform's own doing. Resources are written
 * with PUT at fixed ids, so loading again changes nothing but versions.
 */
@Component
class RegionLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegionLoader.class);
    private static final int PATIENTS_PER_BUNDLE = 250;

    private final DemoProperties demo;
    private final DemoRegionProperties region;
    private final FhirApi fhir;

    RegionLoader(DemoProperties demo, DemoRegionProperties region, FhirApi fhir) {
        this.demo = demo;
        this.region = region;
        this.fhir = fhir;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || !region.load()) {
            return;
        }
        RegionGenerator generator = new RegionGenerator(region.seed(), region.patients(), region.today(), region.care());
        String marker = "Organization/" + generator.organisations.practices.getFirst().id();
        if (fhir.handle(FhirAccess.SYSTEM, "GET", marker, null).status() == 200) {
            return;
        }
        long started = System.nanoTime();
        transaction(generator.organisationsAndStaff());
        // bundles are generated and written on as many threads as there are cores: while one waits for the
        // database, another builds its bundle
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(threads);
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failed = new java.util.concurrent.atomic.AtomicReference<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int from = 0; from < generator.patients() && failed.get() == null; from += PATIENTS_PER_BUNDLE) {
                int first = from;
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        List<ObjectNode> resources = new java.util.ArrayList<>();
                        generator.patients(first, first + PATIENTS_PER_BUNDLE, resources::add);
                        transaction(resources);
                    } catch (RuntimeException e) {
                        failed.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
                if (from > 0 && from % 100_000 == 0) {
                    log.info("Loading the demo region: {} of {} patients", from, generator.patients());
                }
            }
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        makeSlots();
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Loaded the demo region: {} patients{} in {} ms ({} patients/s)", generator.patients(), region.care() ? "" : " (demographics and problem lists)",
                Math.round(seconds * 1000), Math.round(generator.patients() / seconds));
    }

    /**
     * The clinics' slots, 26 weeks ahead, through the scheduling operation (after that they are rolled forward
     * hourly); and a first waiting list validation campaign, so the demo's outbox and worklist are not empty for a week.
     */
    private void makeSlots() {
        byte[] parameters = "{\"resourceType\":\"Parameters\"}".getBytes(StandardCharsets.UTF_8);
        for (RegionClinics.Clinic clinic : RegionClinics.CLINICS) {
            FhirApi.Answer answer = fhir.handle(FhirAccess.SYSTEM, "POST", "Schedule/" + clinic.id() + "/$generate-slots?weeks=26", parameters);
            if (answer.status() != 200) {
                log.warn("The demo clinic {} has no slots: {} {}", clinic.name(), answer.status(), answer.text());
            }
        }
        FhirApi.Answer validation = fhir.handle(FhirAccess.SYSTEM, "POST", "ServiceRequest/$validate-waiting-list", parameters);
        if (validation.status() != 200) {
            log.warn("The demo's first waiting list validation did not run: {} {}", validation.status(), validation.text());
        }
    }

    private void transaction(List<ObjectNode> resources) {
        ObjectNode bundle = RegionGenerator.object().put("resourceType", "Bundle").put("type", "transaction");
        ArrayNode entries = bundle.putArray("entry");
        for (ObjectNode resource : resources) {
            String url = resource.path("resourceType").asText() + "/" + resource.path("id").asText();
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", "urn:joinedup:demo-region:" + url);
            entry.set("resource", resource);
            entry.putObject("request").put("method", "PUT").put("url", url);
        }
        FhirApi.Answer answer = fhir.handle(FhirAccess.SYSTEM, "POST", "", bundle.toString().getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 200) {
            throw new IllegalStateException("The demo region could not be loaded: " + answer.status() + " " + answer.text());
        }
    }
}
