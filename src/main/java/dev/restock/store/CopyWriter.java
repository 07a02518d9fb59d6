package dev.restock.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
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

    private final CopyIn copy;
    private final short columns;
    private byte[] buffer = new byte[FLUSH_AT + 4096];
    private int length;
    private int valuesInRow;
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

    public CopyWriter text(String value) {
        if (value == null) {
            return nullValue();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        startValue(bytes.length);
        putBytes(bytes);
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
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /** Ends the COPY; returns the rows the server took. */
    public long finish() throws SQLException {
        putShort((short) -1);
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
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
        copy.writeToCopy(buffer, 0, length);
        length = 0;
    }
}
