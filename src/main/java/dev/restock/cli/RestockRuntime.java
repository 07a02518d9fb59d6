package dev.restock.cli;

import dev.restock.RestockApplication;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Starts Restock's Spring context for one command, against the given home. */
final class RestockRuntime {

    private RestockRuntime() {}

    /** A context without the web server, for commands that do their job and exit. */
    static ConfigurableApplicationContext startForCommand(Path home) {
        return startForCommand(home, Map.of());
    }

    /** A context without the web server, with extra default settings (the demo's, say). */
    static ConfigurableApplicationContext startForCommand(Path home, Map<String, Object> settings) {
        // Closed on Ctrl-C by the command's stop, in order with the rest of it, not by Spring's
        // own shutdown hook, which would run beside it.
        return CommandStop.process()
                .start(() -> builder(home, "WARN")
                        .properties(settings)
                        .web(WebApplicationType.NONE)
                        .registerShutdownHook(false)
                        .run());
    }

    /** A context with the web server and the background jobs, for {@code serve}. */
    static ConfigurableApplicationContext startServer(Path home, String... args) {
        CommandStop.process().serving();
        return builder(home, "INFO")
                .properties(Map.of(
                        "restock.jobs.enabled", "true",
                        // The service's log keeps the Snowflake driver's warnings (see builder).
                        "logging.level.net.snowflake", "WARN"))
                .web(WebApplicationType.SERVLET)
                .run(args);
    }

    /**
     * The home the command resolved ({@code --home}, else {@code RESTOCK_HOME}, else
     * {@code ~/.restock}, or the demo's own) goes in ahead of every other source: as a default it
     * lost to the environment variable {@code RESTOCK_HOME}, so {@code --home} and the demo home
     * were ignored whenever that variable was set. The logging settings are defaults: a command
     * says what it did itself, so its log shows only warnings unless the user asks
     * ({@code LOGGING_LEVEL_DEV_RESTOCK=INFO}).
     */
    private static SpringApplicationBuilder builder(Path home, String logLevel) {
        return new SpringApplicationBuilder(RestockApplication.class)
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("restockCommandHome", Map.of("restock.home", home.toString()))))
                .properties(Map.of(
                        "logging.level.dev.restock", logLevel,
                        // A command reports a failure as its one line; the Snowflake driver would
                        // log its own first ("Stop retrying since elapsed time due to network
                        // issues has reached timeout" before a login fails). serve sets WARN.
                        "logging.level.net.snowflake", "OFF",
                        // A failed start is reported once, as one line, by the command's failure
                        // handler; Spring's own report would bury it under a stack trace.
                        "logging.level.org.springframework.boot.SpringApplication", "OFF",
                        "logging.level.org.springframework.boot.diagnostics", "OFF",
                        "logging.level.org.springframework.context", "ERROR"))
                .logStartupInfo(false);
    }
}
