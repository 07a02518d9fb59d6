package dev.restock.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Restock's own database: the external PostgreSQL named by {@code RESTOCK_DB_URL}, or else the
 * embedded PostgreSQL of the Restock home.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    RestockDatabase restockDatabase(StoreProperties properties) {
        log.info("Restock home is '{}'", properties.home());
        if (properties.usesExternalDatabase()) {
            log.info("Using the external PostgreSQL at '{}'", properties.dbUrl());
            return new RestockDatabase(properties.dbUrl(), properties.dbUser(), properties.dbPassword(), null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(properties.home());
        return new RestockDatabase(server.jdbcUrl("restock"), "postgres", null, server);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(RestockDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("restock");
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", EmbeddedPostgresServer.applicationName());
        return new HikariDataSource(config);
    }

    /** Spring's JDBC transactions, which a stop lets commit or rolls back, never cuts off mid-commit. */
    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new StoppingTransactionManager(dataSource);
    }

    /** Where the pool connects; closing it releases the embedded server, if any. */
    record RestockDatabase(String jdbcUrl, String user, String password, EmbeddedPostgresServer server)
            implements AutoCloseable {

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }

        @Override
        public String toString() {
            return "RestockDatabase[" + jdbcUrl + "]";
        }
    }
}
