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
}
