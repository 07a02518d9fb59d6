package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.restock.store.EmbeddedPostgresServer;
import dev.restock.store.HomeProcesses;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ctrl-C of a command, as a terminal sends it: SIGINT to a CLI process (the built classes, in a
 * JVM of its own) while its import copies lines into the embedded PostgreSQL. The process must
 * say so in one line, exit 130, keep nothing of the import and leave no PostgreSQL behind. The
 * signal is sent when the import's COPY is seen running on the server, not after a fixed time.
 */
class CtrlCInterruptionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @TempDir
    Path folder;

    /** A failed test must not leave its PostgreSQL behind either. */
    @AfterEach
    void stopLeftoverPostgres() throws IOException {
        for (Path home : List.of(folder.resolve("home"), folder.resolve("home/demo"))) {
            HomeProcesses.postmaster(home).ifPresent(ProcessHandle::destroy);
        }
    }

    /**
     * Ctrl-C sends SIGINT, {@code kill} SIGTERM; the JVM alone would exit 130 and 143. Both are an
     * interruption, reported the same way with exit code 130.
     */
    @ParameterizedTest
    @ValueSource(strings = {"-INT", "-TERM"})
    void aSignalDuringAnImportReportsOneLineImportsNothingAndStopsPostgres(String signal) throws Exception {
        Path home = folder.resolve("home");
        Path sales = writeSales(folder.resolve("sales.csv"), 400_000);

        Process cli = startCli(
                home, "--home", home.toString(), "import", "online-retail", sales.toString(), "--format", "json");
        awaitCopyRunning(cli, home);
        signal(cli, signal);

        assertThat(cli.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("the CLI exits")
                .isTrue();
        assertThat(cli.exitValue()).isEqualTo(130);
        assertThat(stderrLines())
                .singleElement()
                .asString()
                .startsWith("error: Interrupted: Restock was told to stop before the import of " + sales)
                .endsWith("It was rolled back: nothing was imported.");
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(Files.readString(folder.resolve("out.txt")))
                        .at("/errors/0/message")
                        .asString())
                .startsWith("Interrupted: ");
        assertThat(HomeProcesses.postmaster(home))
                .as("no PostgreSQL left running on the home")
                .isEmpty();
        assertThat(salesLines(home)).as("nothing of the import kept").isZero();
    }

    @Test
    void ctrlCDuringTheDemoImportNamesTheStepAndStopsPostgres() throws Exception {
        Path home = folder.resolve("home");
        Path sales = writeSales(folder.resolve("sales.csv"), 400_000);

        Process cli = startCli(
                home.resolve("demo"),
                "--home",
                home.toString(),
                "demo",
                "--sales",
                sales.toString(),
                "--wms-bridge",
                "none");
        awaitCopyRunning(cli, home.resolve("demo"));
        interrupt(cli);

        assertThat(cli.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .as("the CLI exits")
                .isTrue();
        assertThat(cli.exitValue()).isEqualTo(130);
        assertThat(stderrLines())
                .singleElement()
                .asString()
                .startsWith("error: Interrupted: Restock was told to stop during step 1 of the demo (the import).");
        assertThat(HomeProcesses.postmaster(home.resolve("demo")))
                .as("no PostgreSQL left running on the demo home")
                .isEmpty();
    }

    /** Sales lines in the Online Retail layout: enough for the COPY to run for a while. */
    private static Path writeSales(Path file, int lines) throws IOException {
        LocalDate first = LocalDate.of(2010, 12, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
            for (int i = 0; i < lines; i++) {
                out.write((536_365 + i / 20) + "," + (20_000 + i % 3_000) + ",ITEM " + (i % 3_000) + ","
                        + (1 + i % 12) + "," + first.plusDays(i / 1_500 % 360) + " 10:00:00,2.55,17850.0,"
                        + (i % 7 == 0 ? "France" : "United Kingdom") + "\n");
            }
        }
        return file;
    }

    private Process startCli(Path pgHome, String... args) throws IOException {
        assumeFalse(
                ignoresSigint(),
                "this JVM ignores SIGINT (started in the background by a shell without job control),"
                        + " and so would the CLI it starts");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(folder.resolve("out.txt").toFile())
                .redirectError(folder.resolve("err.txt").toFile())
                .start();
    }

    /** Bit 2 (SIGINT) of the ignored-signals mask in /proc/self/status. */
    private static boolean ignoresSigint() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .map(line -> Long.parseLong(line.substring("SigIgn:".length()).trim(), 16))
                .anyMatch(mask -> (mask & 0b10) != 0);
    }

    /** Waits until the CLI's connection is running a COPY on the home's PostgreSQL. */
    private static void awaitCopyRunning(Process cli, Path home) {
        String applicationName = "restock pid " + cli.pid();
        awaitTrue(cli, () -> {
            Optional<Integer> port = HomeProcesses.port(home);
            if (port.isEmpty()) {
                return false;
            }
            try (var connection = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + port.get() + "/postgres", "postgres", null);
                    var statement = connection.prepareStatement("select count(*) from pg_stat_activity"
                            + " where application_name = ? and state = 'active' and query ilike 'copy %'")) {
                statement.setString(1, applicationName);
                try (var result = statement.executeQuery()) {
                    result.next();
                    return result.getInt(1) > 0;
                }
            } catch (SQLException e) {
                return false;
            }
        });
    }

    private static void awaitTrue(Process cli, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(cli.isAlive()).as("the CLI still runs").isTrue();
            assertThat(System.nanoTime()).as("the CLI reached its COPY in time").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** Ctrl-C, as a terminal sends it to the process. */
    private static void interrupt(Process cli) throws Exception {
        signal(cli, "-INT");
    }

    private static void signal(Process cli, String signal) throws Exception {
        Process kill =
                new ProcessBuilder("kill", signal, Long.toString(cli.toHandle().pid())).start();
        assertThat(kill.waitFor()).isZero();
    }

    private List<String> stderrLines() throws IOException {
        return Files.readAllLines(folder.resolve("err.txt"));
    }

    private static long salesLines(Path home) throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(home);
                var connection = DriverManager.getConnection(server.jdbcUrl("restock"), "postgres", null);
                var statement = connection.createStatement();
                var result = statement.executeQuery("select count(*) from sales_lines")) {
            result.next();
            return result.getLong(1);
        }
    }
}
