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
}
