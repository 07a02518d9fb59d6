package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class FailureHandlerTest {

    /** Fails the way a command fails when the pool is closed under it. */
    @Command(name = "failing")
    static final class Failing implements Runnable {
        @CommandLine.Option(names = "--format")
        String format;

        @Override
        public void run() {
            throw new IllegalStateException(
                    new SQLException("HikariDataSource HikariDataSource (restock) has been closed."));
        }
    }

    /** Fails the way Restock's start fails on a setting it cannot read. */
    @Command(name = "bad-setting")
    static final class BadSetting implements Runnable {
        private final String value;

        BadSetting(String value) {
            this.value = value;
        }

        @Override
        public void run() {
            var source = new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                    java.util.Map.of("restock.orders.over-receipt-tolerance-percent", value));
            try {
                new org.springframework.boot.context.properties.bind.Binder(source)
                        .bind("restock.orders", dev.restock.orders.OrderSettings.class);
            } catch (RuntimeException e) {
                throw new org.springframework.beans.factory.BeanCreationException("orderSettings", "failed", e);
            }
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aFailureWhileTheJvmStopsIsReportedAsTheInterruptionWithExitCode130() {
        int exitCode = run(true, "--format", "json");

        assertThat(exitCode).isEqualTo(130);
        assertThat(err.toString())
                .startsWith("error: Interrupted: Restock was told to stop before the command finished.")
                .contains("rolled back")
                .doesNotContain("HikariDataSource");
        assertThat(tools.jackson.databind.json.JsonMapper.builder()
                        .build()
                        .readTree(out.toString())
                        .at("/errors/0/message")
                        .asString())
                .startsWith("Interrupted: ");
    }

    @Test
    void theSameFailureWhileRunningNamesTheCauseWithExitCode1() {
        int exitCode = run(false);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("error: SQLException: HikariDataSource HikariDataSource (restock) has been closed."
                        + System.lineSeparator());
    }

    @Test
    void aSettingThatCannotBeReadIsNamedWithWhatItTakesAndNotItsValue() {
        assertThat(runBadSetting("secret-abc")).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("error: while starting Restock: the setting restock.orders.over-receipt-tolerance-percent")
                .contains("is not a decimal number such as 2.5. Correct it or remove it to use the default.")
                .doesNotContain("secret-abc", "NumberFormatException");
    }

    @Test
    void aSettingItsRecordRefusesIsNamedInTheRecordsWordsWithoutTheExceptionOrTheValue() {
        assertThat(runBadSetting("-5")).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("error: while starting Restock: the setting restock.orders.over-receipt-tolerance-percent"
                        + " must be zero or more. Correct it or remove it to use the default."
                        + System.lineSeparator());
    }

    private int runBadSetting(String value) {
        CommandLine command = new CommandLine(new BadSetting(value));
        command.setExecutionExceptionHandler(new FailureHandler(new CommandStop(Duration.ZERO)));
        command.setErr(new PrintWriter(err, true));
        return command.execute();
    }

    private int run(boolean stopping, String... args) {
        CommandLine command = new CommandLine(new Failing());
        CommandStop stop = new CommandStop(Duration.ZERO);
        if (stopping) {
            stop.markStopping();
        }
        command.setExecutionExceptionHandler(new FailureHandler(stop));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
