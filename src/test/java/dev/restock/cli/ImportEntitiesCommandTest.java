package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import dev.restock.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportEntitiesCommandTest extends DatabaseTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void importsValidFolderAndPrintsTheSummaryAsJson() throws URISyntaxException {
        Path valid = Path.of(getClass().getResource("/entities/valid").toURI());

        int exitCode = execute("import", "entities", valid.toString(), "--format", "json");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("\"linesRead\" : 22", "\"linesImported\" : 22", "\"linesSkipped\" : 0")
                .contains("\"variants\" : 4", "\"errors\" : [ ]", "\"warehouses.csv\" : 2");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void badFolderExitsWithOneAndNamesTheProblemOnStandardError(@TempDir Path folder) throws IOException {
        Files.writeString(
                folder.resolve("warehouses.csv"),
                "CODE,NAME,UPDATED_AT,REMOVED\nLDN,London,yesterday,false\n",
                StandardCharsets.UTF_8);
        var before = TestDatabase.contents(jdbc);

        int exitCode = execute("import", "entities", folder.toString(), "--format", "json");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("error: warehouses.csv, line 2, column 3 (UPDATED_AT): 'yesterday' is not an ISO-8601");
        assertThat(out.toString()).contains("\"errors\" : [", "\"line\" : 2", "\"field\" : \"UPDATED_AT\"");
        assertThat(TestDatabase.contents(jdbc)).isEqualTo(before);
    }

    @Test
    void printsATableByDefault() throws URISyntaxException {
        Path valid = Path.of(getClass().getResource("/entities/valid").toURI());

        int exitCode = execute("import", "entities", valid.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .containsPattern("lines imported +22")
                .contains("sales_orders.csv", "The database was updated.");
    }

    private int execute(String... arguments) {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] withHome = new String[arguments.length + 2];
        withHome[0] = "--home";
        withHome[1] = TEST_HOME.toString();
        System.arraycopy(arguments, 0, withHome, 2, arguments.length);
        return command.execute(withHome);
    }
}
