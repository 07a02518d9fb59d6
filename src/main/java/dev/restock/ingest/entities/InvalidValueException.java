package dev.restock.ingest.entities;

/**
 * A value that does not fit its column, before the reader knows where it stands. The reader adds
 * the file, line, column and field and rethrows it as an {@link dev.restock.ingest.ImportException}.
 */
final class InvalidValueException extends RuntimeException {

    InvalidValueException(String problem) {
        // Stack traces are never shown for bad input; skipping them keeps a bad file cheap.
        super(problem, null, false, false);
    }
}
