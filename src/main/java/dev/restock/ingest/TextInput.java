package dev.restock.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a text file for an importer: gzip is recognised by its magic bytes (not its name), a
 * UTF-8 byte order mark is dropped, and a binary or empty file is refused before parsing.
 *
 * <p>Invalid UTF-8 is decoded to U+FFFD rather than failing mid-stream, because only the parser
 * knows the line and column; {@link #checkEncoding} then reports the exact position of a field
 * that holds one.
 *
 * <p>TODO(#2): the entity importer's {@code StrictUtf8Reader} and {@code BinaryFormat} do the
 * same job with exact positions and more file types (they were written in parallel); the Online
 * Retail reader should use them and this class should go.
 */
public final class TextInput {

    public static final char REPLACEMENT = '\uFFFD';
    private static final int PROBE = 8192;

    private TextInput() {}

    /** The file's text, decompressed when it is gzip. */
    public static Reader open(Path file) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in = gunzipIfCompressed(in, file);
            refuseBinaryOrEmpty(in, file);
            skipByteOrderMark(in);
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            return new InputStreamReader(in, decoder);
        } catch (NoSuchFileException e) {
            throw new ImportException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new ImportException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /** Refuses a field that held bytes that are not UTF-8. */
    public static void checkEncoding(String file, long line, int column, String field, String value) {
        int at = value.indexOf(REPLACEMENT);
        if (at >= 0) {
            throw new ImportException(
                    file,
                    line,
                    column,
                    field,
                    "invalid UTF-8 at character " + (at + 1) + " of the value; the file must be saved as UTF-8"
                            + " (it looks like Latin-1 or Windows-1252)");
        }
    }

    private static InputStream gunzipIfCompressed(InputStream in, Path file) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            } catch (IOException e) {
                throw new ImportException(
                        file.toString(), "looks like gzip but cannot be decompressed: " + e.getMessage());
            }
        }
        return in;
    }

    private static void refuseBinaryOrEmpty(InputStream in, Path file) throws IOException {
        in.mark(PROBE);
        byte[] probe = in.readNBytes(PROBE);
        in.reset();
        if (probe.length == 0) {
            throw new ImportException(file.toString(), "the file is empty; expected a header line and data lines");
        }
        for (int i = 0; i < probe.length; i++) {
            if (probe[i] == 0) {
                throw new ImportException(
                        file.toString(),
                        "this is a binary file (a NUL byte at offset " + i
                                + "), not CSV text; expected a UTF-8 CSV file, optionally gzip-compressed");
            }
        }
    }

    private static void skipByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        boolean bom =
                head.length == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf;
        if (!bom) {
            in.reset();
        }
    }
}
