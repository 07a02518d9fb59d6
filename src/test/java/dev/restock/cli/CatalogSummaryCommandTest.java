package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CatalogSummaryCommandTest extends DatabaseTest {

    @Test
    void printsCountsAsJsonWithTheDocumentedKeys() {
        jdbc.sql("insert into warehouses (code, name, time_zone) values ('LDN', 'London', 'Europe/London')")
                .update();
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));

        int exitCode = command.execute("--home", TEST_HOME.toString(), "catalog", "summary", "--format", "json");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("\"variants\" : 0", "\"warehouses\" : 1", "\"vendors\" : 0", "\"salesLines\" : 0")
                .contains("\"firstSale\" : null", "\"lastSale\" : null");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(Main.run("catalog", "summary", "--format", "xml")).isEqualTo(2);
        assertThat(Main.run("no-such-command")).isEqualTo(2);
    }
}
