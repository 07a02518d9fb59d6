package dev.restock.cli;

import picocli.CommandLine;

/** Entry point of {@code ./restock}: parses the command line before anything is started. */
public final class Main {

    /** Set when the JVM begins to shut down (Ctrl-C, a stop signal) while a command runs. */
    private static volatile boolean stopping;

    private Main() {}

    public static void main(String[] args) {
        // Before Spring's own hook closes the database pool under the running command, so that
        // the error this causes reads as the interruption it is (see FailureHandler).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "restock-stop-flag"));
        System.exit(run(args));
    }

    /** True once the JVM is shutting down because it was told to stop. */
    static boolean stopping() {
        return stopping;
    }

    /** Runs one command and returns its exit code: 0 ok, 1 failure, 2 bad usage. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The whole command tree with Restock's error handling; tests redirect its output. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RestockCommand());
        commandLine.setExecutionExceptionHandler(new FailureHandler(Main::stopping));
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        OptionConverters.registerOn(commandLine);
        return commandLine;
    }
}
