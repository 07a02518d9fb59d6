package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConnectionsCommandTest extends DatabaseTest {

    @Test
    void listsTheLocalConnectionAsJson() {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));

        int exitCode = command.execute("--home", TEST_HOME.toString(), "connections", "list", "--format", "json");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("\"name\" : \"local\"", "\"kind\" : \"duckdb\"", "\"po\" : \"PURCHASE_ORDERS\"");
    }

    @Test
    void testsTheLocalConnection() {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));

        int exitCode = command.execute("--home", TEST_HOME.toString(), "connections", "test", "local");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("PURCHASE_ORDERS", "ok");
    }

    @Test
    void anUnknownConnectionFailsWithExitCodeOne() {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setErr(new PrintWriter(err));

        int exitCode = command.execute("--home", TEST_HOME.toString(), "connections", "test", "prod");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("error: There is no connection 'prod'");
    }

    @Test
    void ddlPrintsTheStatementsAndApplyCreatesTheLocalTables() throws java.sql.SQLException {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));

        int printed = command.execute("--home", TEST_HOME.toString(), "connections", "ddl", "local");
        int applied = command.execute("--home", TEST_HOME.toString(), "connections", "ddl", "local", "--apply");

        assertThat(printed).isZero();
        assertThat(applied).isZero();
        assertThat(out.toString())
                .contains("create table if not exists \"PURCHASE_ORDERS\" (", "\"UPDATED_AT\" TIMESTAMP")
                .contains("-- ran 3 statements on 'local'");
        try (var duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:" + TEST_HOME.resolve("local.duckdb"));
                var rs = duckdb.createStatement().executeQuery("select count(*) from \"TRANSFER_ORDERS\"")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
