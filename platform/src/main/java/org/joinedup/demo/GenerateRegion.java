package org.joinedup.demo;

import java.io.IOException;
import org.joinedup.demo.internal.RegionCommand;

/**
 * The command line of the region generator: {@code java -jar joinedup.jar generate-region --patients=N --seed=S
 * --date=YYYY-MM-DD --out=folder} writes the region as NDJSON without starting the platform.
 */
public final class GenerateRegion {

    private GenerateRegion() {
    }

    public static void main(String[] args) throws IOException {
        RegionCommand.main(args);
    }
}
