package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

    @TempDir
    Path home;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void runsTheLoopInAFreshDemoHomeAndStartsOverOnTheNextRun() throws Exception {
        Path demoHome = home.resolve("demo");
        Files.createDirectories(demoHome);
        Files.writeString(demoHome.resolve("left-from-before.txt"), "old");

        int exitCode = run(
                "--home",
                home.toString(),
                "demo",
                "--sales",
                "src/test/resources/online-retail/small.csv",
                "--format",
                "json");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(demoHome.resolve("left-from-before.txt")).doesNotExist();
        assertThat(out.toString())
                .contains("\"linesRead\" : 11", "\"salesLines\" : 8", "\"warehouses\" : 2")
                .contains("\"replenishment\" : [", "\"linesToOrder\"")
                .containsPattern("\"proposedOrders\" : \\{[^}]*\"transfer\" : 1")
                .contains("\"home\" : \"" + demoHome + "\"");
    }

    @Test
    void exitsWithOneAndSaysWhyWhenTheSalesFileIsMissing() {
        int exitCode = run(
                "--home",
                home.toString(),
                "demo",
                "--sales",
                home.resolve("nowhere.csv").toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("--sales " + home.resolve("nowhere.csv") + ": no such file.");
    }

    private int run(String... args) {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
