package dev.restock.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Bad usage: the message, the command's usage, exit code 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        command.getErr().println("error: " + exception.getMessage());
        command.getErr().println();
        command.usage(command.getErr());
        command.getErr().flush();
        return 2;
    }
}
