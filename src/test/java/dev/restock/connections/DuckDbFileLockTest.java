package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.Retryable;

/** A DuckDB file held by another process is waited for, and the wait ends with a clear error. */
class DuckDbFileLockTest {

    @TempDir
    Path folder;

    Process holder;
    Connection connection;

    @BeforeEach
    void anotherProcessHoldsTheFile() throws Exception {
        Path file = folder.resolve("local.duckdb");
        connection =
                new Connection("local", ConnectionKind.DUCKDB, "jdbc:duckdb:" + file, null, null, null, null, false);
        String java = ProcessHandle.current().info().command().orElse("java");
        holder = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        DuckDbFileHolder.class.getName(),
                        file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        var lines = new BufferedReader(new InputStreamReader(holder.getInputStream()));
        assertThat(lines.readLine()).isEqualTo("held");
    }

    @AfterEach
    void stopTheHolder() throws Exception {
        holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void opensOnceTheOtherProcessLetsTheFileGo() throws Exception {
        ConnectionOpener opener = new ConnectionOpener(Duration.ofSeconds(60));
        RetryListener releaseOnFirstRetry = new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable) {
                try {
                    holder.getOutputStream().close();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };

        try (java.sql.Connection opened = opener.openWaitingForTheFile(connection, releaseOnFirstRetry)) {
            assertThat(opened.createStatement()
                            .executeQuery("select count(*) from held")
                            .next())
                    .isTrue();
        }
    }

    @Test
    void givesUpAfterItsWaitNamingTheConnection() {
        ConnectionOpener opener = new ConnectionOpener(Duration.ofMillis(300));

        assertThatThrownBy(() -> opener.open(connection))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith(
                        "The DuckDB file of connection 'local' is held by another process (waited 0 s)");
    }
}
