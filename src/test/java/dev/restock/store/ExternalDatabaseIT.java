package dev.restock.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.RestockApplication;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With RESTOCK_DB_URL, Restock uses that PostgreSQL and starts nothing in its home. */
class ExternalDatabaseIT {

    @TempDir
    Path serverHome;

    @TempDir
    Path restockHome;

    @Test
    void usesTheGivenDatabaseAndStartsNoServerOfItsOwn() {
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.acquire(serverHome);
                var context = new SpringApplicationBuilder(RestockApplication.class)
                        .web(WebApplicationType.NONE)
                        .properties(Map.of(
                                "restock.home", restockHome.toString(),
                                "restock.db-url", external.jdbcUrl("restock"),
                                "restock.db-user", "postgres"))
                        .run()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);

            int port = jdbc.sql("select current_setting('port')::int")
                    .query(Integer.class)
                    .single();

            assertThat(port).isEqualTo(external.port());
            assertThat(jdbc.sql("select count(*) from flyway_schema_history")
                            .query(Long.class)
                            .single())
                    .isPositive();
            assertThat(restockHome.resolve("postgres")).doesNotExist();
        }
    }
}
