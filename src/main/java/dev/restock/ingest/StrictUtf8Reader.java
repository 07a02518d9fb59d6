package dev.restock.ingest;

import dev.restock.RestockException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The text input of every importer. Decodes a file as strict UTF-8 and knows the line and column
 * of every character it hands out, so that a byte that is not UTF-8, or a NUL byte of a binary
 * file, is reported where it stands; a file that starts like a known binary format (a picture, a
 * workbook, UTF-16 text) is refused by name. A leading byte order mark is dropped. Text before a
 * bad byte is handed out first, so problems earlier in the file are found before it. Not
 * thread-safe.
 */
public final class StrictUtf8Reader extends Reader {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final InputStream in;
    private final String file;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE).flip();

    private long line = 1;
    private int column;
    private boolean afterCarriageReturn;
    private boolean started;
    private boolean endOfInput;
    private boolean finished;
    private ImportException pending;
    private DamagedGzip damaged;

    /** Decodes {@code in}; {@code file} names it in error messages. */
    public StrictUtf8Reader(InputStream in, String file) {
        this.in = in;
        this.file = file;
    }

    /**
     * Opens a file, decompressing it first when it is gzip (recognised by its first bytes, not
     * its name); {@code file} names it in error messages.
     */
    public static StrictUtf8Reader openGzipOrText(Path path, String file) {
        try {
            refuseEmpty(path, file);
            InputStream in = new BufferedInputStream(Files.newInputStream(path), BUFFER_SIZE);
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            if (gzip) {
                try {
                    in = new GzipInput(new GZIPInputStream(in, BUFFER_SIZE));
                } catch (EOFException e) {
                    throw new ImportException(
                            file,
                            "the gzip file is cut short (truncated) within its header, before"
                                    + " any text; copy or download the whole file again");
                } catch (IOException e) {
                    throw new ImportException(
                            file,
                            "looks like gzip but its header is damaged"
                                    + (e.getMessage() != null
                                            ? " (" + RestockException.clause(e.getMessage()) + ")"
                                            : "")
                                    + "; copy or download the file again");
                }
            }
            return new StrictUtf8Reader(in, file);
        } catch (NoSuchFileException e) {
            throw new ImportException(file, "no such file");
        } catch (IOException e) {
            throw new ImportException(file, "cannot be read: " + e.getMessage());
        }
    }

    /** Refuses a file of 0 bytes, which cannot even hold the header. */
    public static void refuseEmpty(Path path, String file) throws IOException {
        if (Files.size(path) == 0) {
            throw new ImportException(
                    file, "the file is empty (0 bytes); it needs at least a header line naming its columns");
        }
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        while (!chars.hasRemaining()) {
            if (pending != null) {
                throw pending;
            }
            if (finished) {
                return -1;
            }
            fill();
        }
        int count = Math.min(length, chars.remaining());
        chars.get(buffer, offset, count);
        return count;
    }

    private void fill() throws IOException {
        readBytes();
        if (!started) {
            started = true;
            BinaryFormat.of(bytes).ifPresent(format -> pending = binary(format));
            if (pending != null) {
                return;
            }
        }
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (endOfInput && result.isUnderflow()) {
            result = decoder.flush(chars);
            finished = result.isUnderflow();
        }
        chars.flip();
        dropByteOrderMark();
        track();
        if (damaged != null && pending == null) {
            pending = damagedAt(damaged);
        }
        if (result.isError() && pending == null) {
            pending = notUtf8(result.length());
        }
    }

    private void readBytes() throws IOException {
        if (endOfInput) {
            return;
        }
        bytes.compact();
        int read;
        try {
            read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        } catch (DamagedGzip e) {
            // What was decompressed before the damage is still read, so the error names where it is.
            damaged = e;
            read = -1;
        }
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    private void dropByteOrderMark() {
        if (line == 1 && column == 0 && chars.hasRemaining() && chars.get(chars.position()) == BYTE_ORDER_MARK) {
            chars.get();
        }
    }

    /** Advances the position over the decoded characters; stops before a NUL. */
    private void track() {
        for (int i = chars.position(); i < chars.limit(); i++) {
            char c = chars.get(i);
            if (c == '\0') {
                pending = new ImportException(
                        file,
                        line,
                        column + 1,
                        null,
                        "contains a NUL byte, so it is a binary"
                                + " file, not CSV text; export the data as a UTF-8 CSV file");
                chars.limit(i);
                return;
            }
            advance(c);
        }
    }

    private void advance(char c) {
        if (c == '\n') {
            if (!afterCarriageReturn) {
                line++;
            }
            column = 0;
        } else if (c == '\r') {
            line++;
            column = 0;
        } else if (!Character.isLowSurrogate(c)) {
            column++;
        }
        afterCarriageReturn = c == '\r';
    }

    /** Where the decompressed text stops: the position after the last character read. */
    private ImportException damagedAt(DamagedGzip e) {
        return new ImportException(
                file,
                line,
                column + 1,
                null,
                e.truncated
                        ? "the gzip file is cut short (truncated) here: nothing after this point can be read;"
                                + " copy or download the whole file again"
                        : "the gzip file is corrupt here: its compressed data is damaged after this point;"
                                + " copy or download the file again");
    }

    private ImportException notUtf8(int length) {
        byte[] bad =
                Arrays.copyOfRange(bytes.array(), bytes.position(), Math.min(bytes.position() + length, bytes.limit()));
        StringBuilder hex = new StringBuilder();
        for (byte b : bad) {
            hex.append(hex.isEmpty() ? "" : " ").append(String.format("0x%02X", b));
        }
        return new ImportException(
                file,
                line,
                column + 1,
                null,
                "byte " + hex + " is not valid UTF-8;"
                        + " the file must be UTF-8 encoded (it may have been saved as Latin-1 or Windows-1252)");
    }

    private ImportException binary(BinaryFormat format) {
        return new ImportException(file, 1, 1, null, format.problem());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Decompressed gzip whose failures say what they mean: the JDK reports a gzip file cut short
     * as "Unexpected end of ZLIB input stream" and a damaged one as a bare {@code ZipException}.
     */
    private static final class GzipInput extends FilterInputStream {

        GzipInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException | ZipException e) {
                throw new DamagedGzip(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (EOFException | ZipException e) {
                throw new DamagedGzip(e);
            }
        }
    }

    /** A gzip file cut short (the JDK's "Unexpected end of ZLIB input stream") or damaged. */
    private static final class DamagedGzip extends IOException {
        private final boolean truncated;

        DamagedGzip(IOException cause) {
            super(cause);
            this.truncated = cause instanceof EOFException;
        }
    }
}
