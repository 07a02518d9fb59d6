package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportOnlineRetailCommandTest extends DatabaseTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @TempDir
    Path folder;

    @Test
    void printsTheSummaryAsJsonAndSaysSoWhenNothingChanged() {
        int first = run("import", "online-retail", "src/test/resources/online-retail/small.csv", "--format", "json");
        out.getBuffer().setLength(0);
        int second = run("import", "online-retail", "src/test/resources/online-retail/small.csv", "--format", "json");

        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(out.toString())
                .contains("\"linesRead\" : 11", "\"linesImported\" : 0", "\"linesSkipped\" : 3")
                .contains("\"variants\" : 3", "\"errors\" : [ ]", "\"changed\" : false");
    }

    @Test
    void exitsWithOneAndNamesFileLineAndColumnOnBadInput() throws IOException {
        Path bad = folder.resolve("bad.csv");
        Files.writeString(
                bad,
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                        + "536365,85123A,HEART,x,2010-12-01 08:26:00,2.55,,United Kingdom\n");

        int exitCode = run("import", "online-retail", bad.toString(), "--format", "json");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains(bad + ", line 2, column 4 (Quantity): 'x' is not a number");
        assertThat(out.toString()).contains("\"errors\" : [ {", "\"line\" : 2", "\"column\" : 4");
    }

    @Test
    void refusesAnEmptyOrMissingFileBeforeStartingTheDatabase() throws IOException {
        Path empty = Files.createFile(folder.resolve("empty.csv"));
        Path otherHome = folder.resolve("home");

        int emptyExit = run(otherHome, "import", "online-retail", empty.toString());
        int missingExit = run(
                otherHome,
                "import",
                "online-retail",
                folder.resolve("missing.csv").toString());

        assertThat(emptyExit).isEqualTo(1);
        assertThat(missingExit).isEqualTo(1);
        assertThat(err.toString())
                .contains("error: " + empty + ": the file is empty (0 bytes). Nothing was imported.")
                .contains("missing.csv: no such file. Nothing was imported.");
        assertThat(otherHome.resolve("postgres"))
                .as("the database was never started")
                .doesNotExist();
    }

    @Test
    void exitsWithTwoWhenTheFileIsNotGiven() {
        assertThat(run("import", "online-retail")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
    }

    private int run(String... args) {
        return run(TEST_HOME, args);
    }

    private int run(Path home, String... args) {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = home.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);
        return command.execute(withHome);
    }
}
