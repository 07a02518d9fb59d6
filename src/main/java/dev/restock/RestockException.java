package dev.restock;

/**
 * The root of every error Restock reports to a user. Its message says what happened, what
 * Restock did about it, and what the user can change; the CLI prints it without a stack trace.
 */
public class RestockException extends RuntimeException {

    public RestockException(String message) {
        super(message);
    }

    public RestockException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Another's message (a driver's, the JDK's) made ready to be followed by Restock's own
     * punctuation: trimmed, without the final period some of them end with, so that
     * {@code "...: " + clause(e.getMessage()) + ". Nothing was imported."} never shows "..";
     * on one line, as a driver's message may span several (PostgreSQL's adds "Position: 15").
     */
    public static String clause(String message) {
        if (message == null) {
            return "";
        }
        String text = message.strip().replaceAll("\\s*\\R\\s*", " ");
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return text;
    }
}
