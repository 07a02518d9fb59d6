package dev.restock.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several processes on one home: one server, joined by the others, never orphaned. */
class EmbeddedPostgresProcessesIT {

    @TempDir
    Path home;

    @Test
    void aSecondProcessJoinsTheServerTheFirstStartedInsteadOfStartingAnother() throws Exception {
        Process owner = startHolder();
        String ownerLine = firstLine(owner);

        try (EmbeddedPostgresServer joined = EmbeddedPostgresServer.acquire(home)) {
            assertThat(ownerLine).endsWith("owner=true");
            assertThat(joined.isOwner()).isFalse();
            assertThat(ownerLine).startsWith("port=" + joined.port() + " ");
            try (var connection = DriverManager.getConnection(joined.jdbcUrl("restock"), "postgres", null)) {
                assertThat(connection.isValid(5)).isTrue();
            }
        } finally {
            owner.getOutputStream().close();
            assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(HomeProcesses.postmaster(home)).isEmpty();
    }

    @Test
    void stopsPostgresWhenTheOwningProcessIsTerminated() throws Exception {
        Process owner = startHolder();
        firstLine(owner);
        ProcessHandle postgres = HomeProcesses.postmaster(home).orElseThrow();

        owner.destroy();

        assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();
        postgres.onExit().get(60, TimeUnit.SECONDS);
        assertThat(postgres.isAlive()).isFalse();
    }

    @Test
    void takesChargeOfTheServerOfAKilledOwnerAndStopsItWhenDone() throws Exception {
        Process owner = startHolder();
        String ownerLine = firstLine(owner);
        ProcessHandle orphan = HomeProcesses.postmaster(home).orElseThrow();

        owner.destroyForcibly();
        owner.waitFor(60, TimeUnit.SECONDS);
        assertThat(orphan.isAlive()).as("kill -9 leaves PostgreSQL behind").isTrue();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(home)) {
            assertThat(server.isOwner()).isTrue();
            assertThat(ownerLine).startsWith("port=" + server.port() + " ");
        }
        orphan.onExit().get(60, TimeUnit.SECONDS);
        assertThat(HomeProcesses.postmaster(home)).isEmpty();
    }

    @Test
    void keepsTheServerRunningForAnotherProcessWhenTheOneThatStartedItExits() throws Exception {
        Process owner = startHolder();
        firstLine(owner);
        EmbeddedPostgresServer joined = EmbeddedPostgresServer.acquire(home);
        var connection = DriverManager.getConnection(joined.jdbcUrl("restock"), "postgres", null);

        owner.getOutputStream().close();
        assertThat(owner.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(connection.isValid(5))
                .as("the server outlives the process that started it")
                .isTrue();
        ProcessHandle postgres = HomeProcesses.postmaster(home).orElseThrow();
        connection.close();
        joined.close();
        postgres.onExit().get(60, TimeUnit.SECONDS);
        assertThat(HomeProcesses.postmaster(home))
                .as("the last process out stops it")
                .isEmpty();
    }

    private Process startHolder() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedPostgresHolder.class.getName(),
                        home.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String firstLine(Process process) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        while (line != null && !line.startsWith("port=")) {
            line = reader.readLine();
        }
        assertThat(line).as("the holder process printed its port").isNotNull();
        return line;
    }
}
