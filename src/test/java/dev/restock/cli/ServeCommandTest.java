package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

    @TempDir
    Path home;

    @Test
    void refusesABusyPortInOneLineBeforeStartingTheDatabase() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setErr(new PrintWriter(err));

        int exitCode;
        int port;
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = busy.getLocalPort();
            exitCode = command.execute("--home", home.toString(), "serve", "--port", Integer.toString(port));
        }

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("error: port " + port + " is already in use; choose another with --port"
                        + System.lineSeparator());
        assertThat(home.resolve("postgres"))
                .as("the database was never started")
                .doesNotExist();
    }

    @Test
    void refusesAPortOutOfRangeAsBadUsageBeforeStartingTheDatabase() {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setErr(new PrintWriter(err));

        int exitCode = command.execute("--home", home.toString(), "serve", "--port", "99999");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("error: Invalid value for option '--port': 99999 is not a port (expected 1 to 65535")
                .doesNotContain("IllegalArgumentException");
        assertThat(home.resolve("postgres")).doesNotExist();
    }
}
