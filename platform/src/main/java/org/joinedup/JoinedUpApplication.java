package org.joinedup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** JoinedUp: one open integrated care platform for an NHS region. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "JoinedUp", sharedModules = "shared")
public class JoinedUpApplication {

    static {
        // The JDK's HttpURLConnection silently sends a POST again when a connection drops before the answer. GOV.UK
        // Notify's client uses it: a message Notify had accepted would go twice. The outbox asks Notify instead.
        System.setProperty("sun.net.http.retryPost", "false");
        // ...and it waits for ever by default: a hung provider would hold a message (and its sender) for good
        System.setProperty("sun.net.client.defaultConnectTimeout", "10000");
        System.setProperty("sun.net.client.defaultReadTimeout", "30000");
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("generate-region")) {
            org.joinedup.demo.GenerateRegion.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("view-files")) {
            org.joinedup.analytics.ViewFiles.main(args);
            return;
        }
        SpringApplication.run(JoinedUpApplication.class, args);
    }
}
