package org.joinedup.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where JoinedUp keeps its data.
 *
 * @param url JDBC URL of an external PostgreSQL 15+; empty (the default) starts the embedded PostgreSQL
 * @param username user for the external database
 * @param password password for the external database
 * @param dataDir directory for the embedded database and other local state; survives restarts
 * @param embeddedPort loopback port for the embedded database; 0 picks a free one
 * @param poolSize maximum number of pooled connections
 */
@ConfigurationProperties("joinedup.database")
public record DatabaseProperties(
        @DefaultValue("") String url,
        @DefaultValue("postgres") String username,
        @DefaultValue("") String password,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("16") int poolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
