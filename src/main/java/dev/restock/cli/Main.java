package dev.restock.cli;

import picocli.CommandLine;

/** Entry point of {@code ./restock}: parses the command line before anything is started. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        CommandStop stop = CommandStop.process();
        stop.install(() -> ErrorReport.print(commandLine, args, stop.message()), () -> {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        });
        int exitCode = commandLine.execute(args);
        stop.finished(exitCode);
        System.exit(exitCode);
    }

    /** Runs one command and returns its exit code: 0 ok, 1 failure, 2 bad usage. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The whole command tree with Restock's error handling; tests redirect its output. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RestockCommand());
        commandLine.setExecutionExceptionHandler(new FailureHandler(CommandStop.process()));
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        OptionConverters.registerOn(commandLine);
        return commandLine;
    }
}
