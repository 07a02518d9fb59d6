package dev.restock.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows into a PostgreSQL table with {@code COPY ... FROM STDIN} in PostgreSQL's binary
 * format: the bulk path for imports. Binary spares the server the parsing of every number, date
 * and time (the larger part of a COPY's cost once a row has a dozen columns) and spares the
 * caller formatting and escaping them; the server stores one chunk while the caller prepares the
 * next.
 *
 * <p>Each value is written with the method named after its column's SQL type, in column order;
 * the binary format has no conversions, so a {@code bigint} written into an {@code integer}
 * column is refused by the server, and a row with too few values too.
 *
 * <p>Rows can also be encoded ahead of time, without a connection ({@link #inMemory}), on a
 * thread of their own while the connection is busy with something else, and sent later with
 * {@link #copyInto}.
 *
 * <p>Not thread-safe. The caller owns the connection (and its transaction); {@link #close}
 * cancels an unfinished copy.
 */
public final class CopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** PostgreSQL counts days and microseconds from 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400;
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};

    /** The server's COPY, or null while rows are encoded in memory (then kept in {@code encoded}). */
    private final CopyIn copy;

    private final List<byte[]> encoded = new ArrayList<>();
    private final short columns;
    private byte[] buffer = new byte[FLUSH_AT + 4096];
    private int length;
    private int valuesInRow;
    private long rows;
    private short[] numericDigits = new short[8];

    private CopyWriter(CopyIn copy, int columns) {
        this.copy = copy;
        this.columns = (short) columns;
        putBytes(SIGNATURE);
        putInt(0); // flags
        putInt(0); // header extension length
    }

    /**
     * Starts {@code COPY table (columns) FROM STDIN (FORMAT binary)}; names are quoted by the
     * caller if needed.
     */
    public static CopyWriter open(Connection connection, String table, String columns) throws SQLException {
        String sql = "copy " + table + " (" + columns + ") from stdin (format binary)";
        int count = columns.split(",").length;
        return new CopyWriter(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql), count);
    }

    /**
     * Encodes rows for a table of {@code columns} columns in memory, with no connection; {@link
     * #copyInto} sends them. Memory grows with the rows (a chunk per 64 KiB).
     */
    public static CopyWriter inMemory(int columns) {
        return new CopyWriter(null, columns);
    }

    /**
     * Sends the rows encoded by an {@link #inMemory} writer with {@code COPY table (columns) FROM
     * STDIN (FORMAT binary)} on the caller's connection; returns the rows the server took.
     */
    public long copyInto(Connection connection, String table, String columnNames) throws SQLException {
        if (copy != null) {
            throw new IllegalStateException("rows are already being copied to the server");
        }
        try (CopyWriter target = open(connection, table, columnNames)) {
            if (target.columns != columns) {
                throw new IllegalArgumentException(
                        "rows of " + columns + " values for " + target.columns + " columns of " + table);
            }
            putShort((short) -1);
            flush();
            for (byte[] chunk : encoded) {
                target.copy.writeToCopy(chunk, 0, chunk.length);
            }
            encoded.clear();
            return target.copy.endCopy();
        }
    }

    /** Rows ended so far. */
    public long rows() {
        return rows;
    }

    public CopyWriter text(String value) {
        if (value == null) {
            return nullValue();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        startValue(bytes.length);
        putBytes(bytes);
        return this;
    }

    /**
     * A text value already encoded as UTF-8: for values that repeat on many rows, encoded once by
     * the caller.
     */
    public CopyWriter utf8(byte[] value) {
        if (value == null) {
            return nullValue();
        }
        startValue(value.length);
        putBytes(value);
        return this;
    }

    public CopyWriter bigint(long value) {
        startValue(8);
        putLong(value);
        return this;
    }

    public CopyWriter integer(int value) {
        startValue(4);
        putInt(value);
        return this;
    }

    public CopyWriter date(LocalDate value) {
        if (value == null) {
            return nullValue();
        }
        startValue(4);
        putInt(Math.toIntExact(value.toEpochDay() - POSTGRES_EPOCH_DAY));
        return this;
    }

    /** A {@code timestamptz} given as seconds and microseconds since 1970-01-01T00:00Z. */
    public CopyWriter timestamptz(long epochSecond, int microsecond) {
        startValue(8);
        putLong((epochSecond - POSTGRES_EPOCH_SECOND) * 1_000_000 + microsecond);
        return this;
    }

    /** Exact: the server rounds to the column's scale as it would the decimal text. */
    public CopyWriter numeric(BigDecimal value) {
        if (value == null) {
            return nullValue();
        }
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        int scale = value.scale();
        int digitCount = baseTenThousandDigits(value.unscaledValue().abs(), scale);
        int fractionDigits = (scale + 3) / 4;
        int start = 0;
        while (start < digitCount && numericDigits[digitCount - 1 - start] == 0) {
            start++; // leading zero groups (only when digits were padded)
        }
        int end = 0;
        while (end < digitCount - start && numericDigits[end] == 0) {
            end++; // trailing zero groups
        }
        int stored = digitCount - start - end;
        int weight = stored == 0 ? 0 : digitCount - start - fractionDigits - 1;
        startValue(8 + 2 * stored);
        putShort((short) stored);
        putShort((short) weight);
        putShort(value.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
        putShort((short) scale);
        for (int i = digitCount - 1 - start; i >= end; i--) {
            putShort(numericDigits[i]);
        }
        return this;
    }

    public CopyWriter nullValue() {
        startValue(-1);
        return this;
    }

    /** Ends the current row; sends a chunk to the server when enough is buffered. */
    public void endRow() throws SQLException {
        if (valuesInRow != columns) {
            throw new IllegalStateException("a row of " + valuesInRow + " values for " + columns + " columns");
        }
        valuesInRow = 0;
        rows++;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /** Ends the COPY; returns the rows the server took. */
    public long finish() throws SQLException {
        if (copy == null) {
            throw new IllegalStateException("rows encoded in memory are sent with copyInto");
        }
        putShort((short) -1);
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy != null && copy.isActive()) {
            copy.cancelCopy();
        }
    }

    /**
     * Splits the magnitude into base-10000 digits, least significant first, aligned so that the
     * decimal point falls between two digits; returns how many.
     */
    private int baseTenThousandDigits(BigInteger magnitude, int scale) {
        int padding = (4 - scale % 4) % 4;
        if (magnitude.bitLength() < 50) { // times 1000 still fits a long; at most 5 digits
            long rest = magnitude.longValue() * POWERS_OF_TEN[padding];
            int count = 0;
            while (rest != 0) {
                numericDigits[count++] = (short) (rest % 10_000);
                rest /= 10_000;
            }
            return count;
        }
        String text = magnitude.toString() + "000".substring(0, padding);
        int count = (text.length() + 3) / 4;
        if (count > numericDigits.length) {
            numericDigits = new short[count];
        }
        for (int i = 0; i < count; i++) {
            int to = text.length() - 4 * i;
            numericDigits[i] = Short.parseShort(text.substring(Math.max(0, to - 4), to));
        }
        return count;
    }

    private void startValue(int size) {
        if (valuesInRow == 0) {
            putShort(columns);
        }
        valuesInRow++;
        putInt(size);
    }

    private void putBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void putShort(short value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void putInt(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private void flush() throws SQLException {
        if (length == 0) {
            return;
        }
        if (copy == null) {
            encoded.add(Arrays.copyOf(buffer, length));
        } else {
            copy.writeToCopy(buffer, 0, length);
        }
        length = 0;
    }
}
