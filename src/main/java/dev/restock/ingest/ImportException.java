package dev.restock.ingest;

import dev.restock.RestockException;

/**
 * Bad input found by an importer. Names the file, the line and column (1-based, 0 when unknown)
 * and the field, says what was found and what was expected. An import that throws this has
 * changed nothing: the transaction is rolled back.
 */
public class ImportException extends RestockException {

    private final String file;
    private final long line;
    private final int column;
    private final String field;
    private final String problem;

    public ImportException(String file, long line, int column, String field, String problem) {
        super(format(file, line, column, field, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    public ImportException(String file, String problem) {
        this(file, 0, 0, null, problem);
    }

    private static String format(String file, long line, int column, String field, String problem) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (column > 0) {
            where.append(", column ").append(column);
        }
        if (field != null) {
            where.append(" (").append(field).append(')');
        }
        return where + ": " + clause(problem) + ". Nothing was imported.";
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
