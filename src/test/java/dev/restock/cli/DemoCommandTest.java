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
                .contains("\"home\" : \"" + demoHome + "\"")
                .contains("\"saveAndSync\"");
        // Saved to the local DuckDB file, taken and partly received by the simulated WMS, synced.
        assertThat(number("ordersSaved")).isPositive();
        assertThat(number("rowsTakenByWms")).isEqualTo(number("rowsSaved"));
        assertThat(number("rowsPartlyReceived")).isPositive();
        assertThat(number("ordersChanged")).isEqualTo(number("ordersSaved"));
        assertThat(number("linesChanged")).isEqualTo(number("rowsPartlyReceived"));
        assertThat(demoHome.resolve("local.duckdb")).exists();
    }

    @Test
    void printsWhatTheSyncBroughtBack() {
        int exitCode = run("--home", home.toString(), "demo", "--sales", "src/test/resources/online-retail/small.csv");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Step 3: save the purchase orders to the local connection")
                .containsPattern("Saved \\d+ purchase orders \\([\\d,]+ rows\\) to local.duckdb: PO-")
                .containsPattern("The WMS set EXTERNAL_ID on [1-9][\\d,]* rows and received [1-9][\\d,]* lines")
                .containsPattern("Sync brought back changes to [1-9]\\d* orders");
    }

    private long number(String field) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("\"" + field + "\" : (\\d+)").matcher(out.toString());
        assertThat(matcher.find()).as(field + " in " + out).isTrue();
        return Long.parseLong(matcher.group(1));
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
