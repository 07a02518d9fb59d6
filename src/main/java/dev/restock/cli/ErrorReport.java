package dev.restock.cli;

import dev.restock.connections.SecretSettings;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * How every command reports a failure: one line on standard error, starting {@code error: };
 * and, when the command was asked for {@code --format json}, also a JSON object
 * {@code {"errors":[{"message":...}]}} on standard output, so a script that reads standard output
 * always gets JSON. (Imports print their summary instead, whose {@code errors} say the same.)
 * A JDBC URL the message quotes is shown with its secrets masked ({@link SecretSettings#mask}).
 */
final class ErrorReport {

    private ErrorReport() {}

    static void print(CommandLine command, String[] args, String message) {
        String line = line(message);
        if (asksForJson(args)) {
            command.getOut().println(FormatOption.toJson(Map.of("errors", List.of(Map.of("message", line)))));
            command.getOut().flush();
        }
        command.getErr().println("error: " + line);
        command.getErr().flush();
    }

    /** A failure as every command shows it: one line, any secret of a quoted JDBC URL masked. */
    static String line(String message) {
        return SecretSettings.mask(oneLine(message));
    }

    /** A driver's or library's message may span lines; the report is always one. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** True when the arguments say {@code --format json} (or {@code --format=json}). */
    static boolean asksForJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equalsIgnoreCase("--format=json")
                    || (args[i].equals("--format") && i + 1 < args.length && args[i + 1].equalsIgnoreCase("json"))) {
                return true;
            }
        }
        return false;
    }
}
