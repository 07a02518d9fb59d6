package dev.restock.wmsbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB lets one process at a time open a file for writing. While another process (here a
 * child JVM standing in for Restock) holds the file, the bridge waits and then does its work.
 */
class DuckDbLockTest {

    @TempDir
    Path folder;

    @Test
    void waitsForAnotherProcessToReleaseTheFile() throws Exception {
        OrderTableFixture fixture = Databases.DUCKDB.table(folder);
        fixture.recreate();
        fixture.insertOrder("order-1", "PO-1001", 1);
        Path file = folder.resolve("local.duckdb");
        OrderTable table =
                new OrderTable("jdbc:duckdb:" + file, null, null, OrderTableFixture.TABLE, Clock.systemUTC());
        Process holder = startHolder(file);
        try {
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("locked");
            assertThatThrownBy(() ->
                            DriverManager.getConnection("jdbc:duckdb:" + file).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("lock");

            CompletableFuture<List<String>> ids = CompletableFuture.supplyAsync(() -> unforwardedIds(table));
            Await.until("the bridge met the lock", Duration.ofSeconds(20), () -> table.lockConflicts() > 0);
            assertThat(ids).isNotDone();
            holder.getOutputStream().write('\n');
            holder.getOutputStream().flush();

            assertThat(ids.get(20, TimeUnit.SECONDS)).containsExactly("order-1");
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static List<String> unforwardedIds(OrderTable table) {
        try (OrderTable.Session session = table.open()) {
            return session.unforwardedOrderIds();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Process startHolder(Path file) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        DuckDbFileHolder.class.getName(),
                        file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
