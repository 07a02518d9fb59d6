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
    void summarisesAnImportedFileWithItsFirstAndLastSaleDay() {
        assertThat(Main.run(
                        "--home",
                        TEST_HOME.toString(),
                        "import",
                        "online-retail",
                        "src/test/resources/online-retail/small.csv"))
                .isZero();
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));

        int exitCode = command.execute("--home", TEST_HOME.toString(), "catalog", "summary", "--format", "json");

        assertThat(exitCode).isZero();
        var summary = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out.toString());
        // small.csv sells from 1 December 2010 (a line at 23:30, London time, still that day) to 1 June 2011.
        assertThat(summary.get("firstSale").asString()).isEqualTo("2010-12-01");
        assertThat(summary.get("lastSale").asString()).isEqualTo("2011-06-01");
        assertThat(summary.get("daysOfHistory").asLong()).isEqualTo(183);
        assertThat(summary.get("salesLines").asLong())
                .isEqualTo(jdbc.sql("select count(*) from sales_lines")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(Main.run("catalog", "summary", "--format", "xml")).isEqualTo(2);
        assertThat(Main.run("no-such-command")).isEqualTo(2);
    }
}
