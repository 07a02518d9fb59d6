package dev.restock.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows into a PostgreSQL table with {@code COPY ... FROM STDIN} in text format: the bulk
 * path for imports. The server parses a chunk while the caller prepares the next one.
 *
 * <p>Not thread-safe. The caller owns the connection (and its transaction); {@link #close}
 * cancels an unfinished copy.
 */
public final class CopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean rowStarted;

    private CopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code COPY table (columns) FROM STDIN}; names are quoted by the caller if needed. */
    public static CopyWriter open(Connection connection, String table, String columns) throws SQLException {
        String sql = "copy " + table + " (" + columns + ") from stdin";
        return new CopyWriter(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    public CopyWriter value(String value) {
        separate();
        buffer.append(value == null ? "\\N" : escape(value));
        return this;
    }

    public CopyWriter value(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    public CopyWriter value(Object value) {
        return value(value == null ? null : value.toString());
    }

    /** Ends the current row; sends a chunk to the server when enough is buffered. */
    public void endRow() throws SQLException {
        buffer.append('\n');
        rowStarted = false;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Ends the COPY; returns the rows the server took. */
    public long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void separate() {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
    }

    /** COPY's text format: backslash, tab, newline and carriage return are escaped. */
    static String escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return value.replace("\\", "\\\\")
                        .replace("\t", "\\t")
                        .replace("\n", "\\n")
                        .replace("\r", "\\r");
            }
        }
        return value;
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        copy.writeToCopy(bytes, 0, bytes.length);
    }
}
