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
        RegionGenerator generator = new RegionGenerator(region.seed(), region.patients(), region.today());
        String marker = "Organization/" + generator.organisations.practices.getFirst().id();
        if (fhir.handle(FhirAccess.SYSTEM, "GET", marker, null).status() == 200) {
            return;
        }
        long started = System.nanoTime();
        transaction(generator.organisationsAndStaff());
        for (int from = 0; from < generator.patients(); from += PATIENTS_PER_BUNDLE) {
            List<ObjectNode> resources = new java.util.ArrayList<>();
            generator.patients(from, from + PATIENTS_PER_BUNDLE, resources::add);
            transaction(resources);
        }
        log.info("Loaded the demo region: {} patients in {} ms", generator.patients(), (System.nanoTime() - started) / 1_000_000);
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
