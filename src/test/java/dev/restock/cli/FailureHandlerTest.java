package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.orders.OrderSettings;
import dev.restock.webhooks.WebhookProperties;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
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

    /** Fails the way Restock's start fails on a setting it cannot read: binding it fails. */
    @Command(name = "bad-setting")
    static final class BadSetting implements Runnable {
        private final Binder binder;
        private final String prefix;
        private final Class<?> settings;

        BadSetting(Binder binder, String prefix, Class<?> settings) {
            this.binder = binder;
            this.prefix = prefix;
            this.settings = settings;
        }

        @Override
        public void run() {
            try {
                binder.bind(prefix, settings);
            } catch (RuntimeException e) {
                throw new BeanCreationException("settings", "failed", e);
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

    @Test
    void aDurationThatCannotBeReadIsNamedLikeAnyOtherSettingWithoutItsValue() {
        int exitCode = runBadSetting("restock.webhooks", "connect-timeout", "5 parsecs", WebhookProperties.class);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("error: while starting Restock: the setting restock.webhooks.connect-timeout (")
                .endsWith(" is not a duration such as 5m or PT5M. Correct it or remove it to use the default."
                        + System.lineSeparator())
                .doesNotContain("parsecs");
    }

    @Test
    void aSettingFromTheEnvironmentIsNamedByItsVariable() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        "systemEnvironment",
                        new SystemEnvironmentPropertySource(
                                "systemEnvironment", Map.of("RESTOCK_WEBHOOKS_CONNECTTIMEOUT", "5 parsecs")));
        new SystemEnvironmentPropertySourceEnvironmentPostProcessor()
                .postProcessEnvironment(environment, new SpringApplication());

        int exitCode = runBadSetting(Binder.get(environment), "restock.webhooks", WebhookProperties.class);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("error: while starting Restock: the setting restock.webhooks.connect-timeout (environment"
                        + " variable RESTOCK_WEBHOOKS_CONNECTTIMEOUT) is not a duration");
    }

    /** A setting injected as Spring's {@code @Value} does, not bound to a settings record. */
    static final class InjectedInterval {
        InjectedInterval(
                @org.springframework.beans.factory.annotation.Value("${restock.test.interval:PT1S}")
                        Duration interval) {}
    }

    /** Starts a context whose one bean takes a setting that cannot be converted. */
    @Command(name = "starts")
    static final class StartsAContext implements Runnable {
        @Override
        public void run() {
            try (var context = new org.springframework.context.annotation.AnnotationConfigApplicationContext()) {
                context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new org.springframework.core.env.MapPropertySource(
                                "test", Map.of("restock.test.interval", "5 parsecs")));
                context.register(InjectedInterval.class);
                context.refresh();
            }
        }
    }

    @Test
    void anInjectedSettingThatCannotBeReadIsNamedWithoutItsValue() {
        CommandLine command = new CommandLine(new StartsAContext());
        command.setExecutionExceptionHandler(new FailureHandler(new CommandStop(Duration.ZERO)));
        command.setErr(new PrintWriter(err, true));

        assertThat(command.execute()).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("error: while starting Restock: the setting restock.test.interval is not a duration such as"
                        + " 5m or PT5M. Correct it or remove it to use the default." + System.lineSeparator());
    }

    private int runBadSetting(String value) {
        return runBadSetting("restock.orders", "over-receipt-tolerance-percent", value, OrderSettings.class);
    }

    private int runBadSetting(String prefix, String name, String value, Class<?> settings) {
        var source = new MapConfigurationPropertySource(Map.of(prefix + "." + name, value));
        return runBadSetting(new Binder(source), prefix, settings);
    }

    private int runBadSetting(Binder binder, String prefix, Class<?> settings) {
        CommandLine command = new CommandLine(new BadSetting(binder, prefix, settings));
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
