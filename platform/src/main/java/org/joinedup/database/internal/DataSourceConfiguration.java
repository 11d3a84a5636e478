package org.joinedup.database.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.joinedup.database.DatabaseProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One pooled data source: the embedded PostgreSQL unless {@code joinedup.database.url} names another. */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return null;
        }
        return EmbeddedPostgresServer.start(properties.dataDir(), properties.embeddedPort());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        HikariConfig config = new HikariConfig();
        EmbeddedPostgresServer server = embedded.getIfAvailable();
        if (server != null) {
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.username());
            config.setPassword(server.password());
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
        }
        config.setPoolName("joinedup");
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(Math.min(4, properties.poolSize()));
        config.addDataSourceProperty("ApplicationName", "joinedup");
        // Multi-row INSERTs for JDBC batches: one round trip per batch when a Bundle is stored.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(config);
    }
}
