package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The home a command resolved wins over every other setting of {@code restock.home}. A user test
 * found {@code RESTOCK_HOME} set in the shell beating {@code --home}, and the demo then writing
 * into the user's own home; a system property stands in for the variable here (both outrank
 * Spring's default properties, which is where the home used to go).
 */
class HomeOptionTest extends DatabaseTest {

    @TempDir
    Path otherHome;

    @Test
    void theHomeOptionWinsOverASettingFromTheEnvironment() {
        jdbc.sql("insert into warehouses (code, name, time_zone) values ('LDN', 'London', 'Europe/London')")
                .update();
        String before = System.getProperty("restock.home");
        StringWriter out = new StringWriter();
        int exitCode;
        try {
            System.setProperty("restock.home", otherHome.toString());
            CommandLine command = Main.commandLine();
            command.setOut(new PrintWriter(out));
            exitCode = command.execute("--home", TEST_HOME.toString(), "catalog", "summary", "--format", "json");
        } finally {
            if (before == null) {
                System.clearProperty("restock.home");
            } else {
                System.setProperty("restock.home", before);
            }
        }

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("\"warehouses\" : 1");
        assertThat(otherHome).isEmptyDirectory();
    }
}
