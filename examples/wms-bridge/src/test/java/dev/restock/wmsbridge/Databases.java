package dev.restock.wmsbridge;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The two kinds of connection the bridge is tested against: a DuckDB file and PostgreSQL. */
enum Databases {
    DUCKDB,
    POSTGRES;

    private static EmbeddedPostgres postgres;

    /** A JDBC URL for an empty database of this kind; PostgreSQL is started once per test run. */
    String jdbcUrl(Path folder) {
        return switch (this) {
            case DUCKDB -> "jdbc:duckdb:" + folder.resolve("local.duckdb");
            case POSTGRES -> postgres().getJdbcUrl("postgres", "postgres");
        };
    }

    String user() {
        return this == POSTGRES ? "postgres" : null;
    }

    String password() {
        return this == POSTGRES ? "postgres" : null;
    }

    OrderTableFixture table(Path folder) {
        return new OrderTableFixture(jdbcUrl(folder), user(), password());
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the temporary data folder goes with it
                }
            }));
        }
        return postgres;
    }
}
