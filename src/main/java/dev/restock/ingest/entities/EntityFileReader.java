package dev.restock.ingest.entities;

import dev.restock.ingest.ImportException;
import dev.restock.ingest.StrictUtf8Reader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one entity file: strict UTF-8, comma-separated with RFC 4180 quoting, a header line, and
 * rows checked column by column. Blank lines are ignored. Throws {@link ImportException} at the
 * first problem. Not thread-safe.
 */
final class EntityFileReader implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().get();

    private final EntityFile entity;
    private final String file;
    private final ByteCounter counter;
    private final MessageDigest digest;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private EntityHeader header;
    private long rowsRead;
    private long lastRecordEndLine;

    private EntityFileReader(EntityFile entity, InputStream raw) throws IOException {
        this.entity = entity;
        this.file = entity.fileName();
        this.digest = newSha256();
        this.counter = new ByteCounter(new DigestInputStream(raw, digest));
        this.parser = CSVParser.parse(new StrictUtf8Reader(counter, file), FORMAT);
        this.records = parser.iterator();
    }

    static EntityFileReader open(Path path, EntityFile entity) {
        try {
            StrictUtf8Reader.refuseEmpty(path, entity.fileName());
            return new EntityFileReader(entity, Files.newInputStream(path));
        } catch (IOException e) {
            throw new ImportException(entity.fileName(), "cannot be read: " + e.getMessage());
        }
    }

    /** Reads and checks the header line. */
    EntityHeader readHeader() {
        if (!hasNext()) {
            throw new ImportException(file, "has no header line; the first line must name the columns");
        }
        header = EntityHeader.of(entity, records.next().toList());
        lastRecordEndLine = parser.getCurrentLineNumber();
        return header;
    }

    /** Reads every data row after the header, in file order; returns how many there were. */
    long forEachRow(Consumer<EntityRow> sink) {
        while (hasNext()) {
            CSVRecord record = records.next();
            rowsRead++;
            lastRecordEndLine = parser.getCurrentLineNumber();
            sink.accept(toRow(record, startLine(record)));
        }
        return rowsRead;
    }

    /** Data rows read so far. */
    long rowsRead() {
        return rowsRead;
    }

    /**
     * Commons CSV reports malformed quoting where it gave up, often the end of the file; the bad
     * value starts on the line after the last good record.
     */
    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new ImportException(
                    file,
                    lastRecordEndLine + 1,
                    0,
                    null,
                    "the file is not valid CSV here: "
                            + quotingProblem(e.getCause().getMessage())
                            + "; enclose a value that holds commas, quotes or line"
                            + " breaks in double quotes, and double each quote inside it");
        }
    }

    /**
     * Commons CSV's reason in the file's terms: its own wording names file offsets and its
     * tokens, which say nothing to whoever wrote the file.
     */
    static String quotingProblem(String parserMessage) {
        String message = parserMessage == null ? "" : parserMessage;
        if (message.contains("between encapsulated token and delimiter")) {
            return "a quoted value is followed by more characters before the next comma (a quote inside a"
                    + " quoted value must be written twice: \"\")";
        }
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted value is never closed: the file ends inside it";
        }
        return "the quoting cannot be read";
    }

    private EntityRow toRow(CSVRecord record, long line) {
        if (record.size() != header.width()) {
            throw new ImportException(
                    file,
                    line,
                    0,
                    null,
                    "the row has " + record.size() + " values but the header has " + header.width()
                            + " columns; quote values that contain commas");
        }
        Object[] values = new Object[entity.columns().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(record, line, i);
        }
        EntityRow row = new EntityRow(line, values);
        RowRules.check(entity, header, row);
        return row;
    }

    private Object value(CSVRecord record, long line, int index) {
        int position = header.position(index);
        Column column = entity.columns().get(index);
        String text = position == 0 ? "" : record.get(position - 1).strip();
        if (text.isEmpty()) {
            if (column.required()) {
                throw new ImportException(
                        file,
                        line,
                        position,
                        column.name(),
                        "is empty; expected " + column.type().expected());
            }
            return null;
        }
        try {
            return column.type().parse(text);
        } catch (InvalidValueException e) {
            throw new ImportException(file, line, position, column.name(), e.getMessage());
        }
    }

    /** The parser counts lines up to the end of a record; a quoted value may span lines. */
    private long startLine(CSVRecord record) {
        long line = lastRecordEndLine;
        for (String value : record.values()) {
            line -= lineBreaks(value);
        }
        return line;
    }

    private static int lineBreaks(String value) {
        int breaks = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r') || c == '\r') {
                breaks++;
            }
        }
        return breaks;
    }

    /** Bytes read so far, for progress. */
    long bytesRead() {
        return counter.count;
    }

    /** The SHA-256 of the bytes read, in hex; the whole file once every row was read. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class ByteCounter extends FilterInputStream {

        private long count;

        ByteCounter(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count += Math.max(read, 0);
            return read;
        }
    }
}
