package dev.restock.forecast;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyOut;

/**
 * Reads the rows of {@link DemandHistory}'s binary {@code COPY} of {@code daily_demand}: variant
 * id ({@code int8}), warehouse id ({@code int8}), day ({@code date}), units sold ({@code
 * float8}) and units returned ({@code float8}, NULL for none), straight from the bytes
 * PostgreSQL sends, without boxing or text. The server sends each row in a message of its own,
 * the file header with the first one and the trailer alone. Not thread-safe.
 */
final class DemandCopyRows {

    /** Receives one row at a time. */
    interface Sink {
        void row(long variantId, long warehouseId, long epochDay, double sold, double returned);
    }

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int FIELDS = 5;

    /** PostgreSQL's dates count days from 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = 10_957;

    private DemandCopyRows() {}

    /** Hands every row of {@code copy} to {@code sink}, in the order the server sends them. */
    static void read(CopyOut copy, Sink sink) throws SQLException {
        byte[] message = copy.readFromCopy();
        int position = message == null ? 0 : header(message);
        while (message != null) {
            while (position < message.length) {
                position = row(message, position, sink);
            }
            message = copy.readFromCopy();
            position = 0;
        }
    }

    private static int header(byte[] message) {
        if (message.length < SIGNATURE.length + 8
                || !Arrays.equals(message, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IllegalStateException("the COPY of daily_demand did not start with PostgreSQL's binary header");
        }
        int extension = (int) INT.get(message, SIGNATURE.length + 4);
        return SIGNATURE.length + 8 + extension;
    }

    private static int row(byte[] message, int position, Sink sink) {
        short fields = (short) SHORT.get(message, position);
        if (fields == -1) {
            return message.length;
        }
        if (fields != FIELDS) {
            throw new IllegalStateException(
                    "a row of the COPY of daily_demand had " + fields + " fields; expected " + FIELDS);
        }
        int at = position + 2;
        long variantId = (long) LONG.get(message, at + 4);
        at += 12;
        long warehouseId = (long) LONG.get(message, at + 4);
        at += 12;
        long epochDay = POSTGRES_EPOCH_DAY + (int) INT.get(message, at + 4);
        at += 8;
        double sold = Double.longBitsToDouble((long) LONG.get(message, at + 4));
        at += 12;
        int returnedLength = (int) INT.get(message, at);
        double returned = returnedLength < 0 ? 0 : Double.longBitsToDouble((long) LONG.get(message, at + 4));
        at += 4 + Math.max(0, returnedLength);
        sink.row(variantId, warehouseId, epochDay, sold, returned);
        return at;
    }
}
