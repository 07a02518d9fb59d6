package dev.restock.cli;

import dev.restock.RestockException;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Bad usage: one line saying what was wrong and where to read the usage, exit code 2. Every
 * usage error reads the same, whether picocli found it (an unknown option, an enum value) or the
 * command did (an unknown status or sort); the full usage would bury the line that matters.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        String message = RestockException.clause(exception.getMessage());
        ErrorReport.print(
                command, args, message + ". See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        return 2;
    }
}
