package org.joinedup.demo;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The synthetic demo region ({@code joinedup.demo.region.*}).
 *
 * @param load whether the demo loads the region into the store on its first start (only when {@code joinedup.demo.enabled})
 * @param patients how many patients the region has
 * @param seed the random seed: the same seed, size and date make the same region
 * @param date the region's "today" (appointments before it are past), or empty for the day it is made
 * @param care whether patients come with their care (observations, appointments, medicines, care plans, letters);
 *             false loads only demographics, problem lists and hospital stays, for millions of patients
 */
@ConfigurationProperties("joinedup.demo.region")
public record DemoRegionProperties(@DefaultValue("true") boolean load, @DefaultValue("2000") int patients, @DefaultValue("2026") long seed,
                                   LocalDate date, @DefaultValue("true") boolean care) {

    public DemoRegionProperties {
        if (patients < 2) {
            throw new IllegalArgumentException("joinedup.demo.region.patients must be at least 2 (the demo accounts' patients)");
        }
    }

    /** The region's "today". */
    public LocalDate today() {
        return date == null ? LocalDate.now() : date;
    }
}
