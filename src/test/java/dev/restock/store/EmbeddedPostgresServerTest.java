package dev.restock.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path home;

    @Test
    void keepsDataBetweenStartsAndLeavesNoServerRunning() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(home)) {
            try (var connection = DriverManager.getConnection(server.jdbcUrl("restock"), "postgres", null)) {
                connection.createStatement().execute("create table kept (value int)");
                connection.createStatement().execute("insert into kept values (42)");
            }
        }
        assertThat(Files.exists(home.resolve("postgres/data/postmaster.pid"))).isFalse();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(home);
                var connection = DriverManager.getConnection(server.jdbcUrl("restock"), "postgres", null)) {
            var result = connection.createStatement().executeQuery("select value from kept");
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void aHomeThatCannotHoldAFolderIsRefusedSayingWhy() throws Exception {
        Path file = Files.writeString(home.resolve("a-file"), "not a folder");
        // /proc takes no new folders, not even from root; the JDK's exception names only the path.
        Path proc = Path.of("/proc/restock-test-home");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(file.resolve("home")))
                .isInstanceOf(dev.restock.RestockException.class)
                .hasMessageStartingWith("Could not start the embedded PostgreSQL in " + file.resolve("home"))
                .hasMessageContaining(file.resolve("home") + ": Not a directory");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(proc))
                .isInstanceOf(dev.restock.RestockException.class)
                .hasMessageMatching("Could not start the embedded PostgreSQL in /proc/restock-test-home/postgres:"
                        + " /proc/restock-test-home:"
                        + " (permission denied|no such file or folder|cannot be written)\\. .*");
    }

    @Test
    void sharesOneServerWithinTheProcessAndStopsItAfterTheLastUser() throws Exception {
        EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(home);
        EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(home);

        assertThat(second).isSameAs(first);
        first.close();
        try (var connection = DriverManager.getConnection(second.jdbcUrl("restock"), "postgres", null)) {
            assertThat(connection.isValid(2)).isTrue();
        }
        second.close();

        assertThat(Files.exists(home.resolve("postgres/data/postmaster.pid"))).isFalse();
        assertThat(Files.exists(home.resolve("postgres/port"))).isFalse();
    }
}
