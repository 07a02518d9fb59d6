package dev.restock.ingest.retail;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.restock.ingest.ImportException;
import dev.restock.ingest.ImportProgress;
import dev.restock.ingest.StrictUtf8Reader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads an Online Retail file line by line: CSV (optionally gzip), the UCI original Excel file
 * ({@code .xlsx}), or the UCI download itself (a {@code .zip} holding one of those).
 */
final class RetailFileReader {

    /** The data set has 541,909 lines; used only to size the progress bar. */
    static final long EXPECTED_LINES = 541_909;

    /** FastCSV's default maximum buffer, which bounds one field. */
    private static final int MAX_FIELD_MIB = 16;

    private static final Pattern STARTED_IN_LINE = Pattern.compile("started in line (\\d+)");

    private static final CsvReader.CsvReaderBuilder CSV =
            CsvReader.builder().skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true);

    private RetailFileReader() {}

    /** Calls {@code sink} for every data line; returns the number of data lines read. */
    static long read(Path file, ImportProgress progress, Consumer<RetailLine> sink) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file.toString(), Files.exists(file) ? "is not a file" : "no such file");
        }
        if (name.endsWith(".xlsx")) {
            return readExcel(file.toString(), () -> Files.newInputStream(file), progress, sink);
        }
        if (name.endsWith(".zip")) {
            return readZip(file, progress, sink);
        }
        try (Reader reader = StrictUtf8Reader.openGzipOrText(file, file.toString())) {
            return readCsv(file.toString(), reader, progress, sink);
        } catch (IOException e) {
            throw new ImportException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /** FastCSV: the whole data set parses in a fraction of the time the database takes to store it. */
    private static long readCsv(String file, Reader reader, ImportProgress progress, Consumer<RetailLine> sink)
            throws IOException {
        RetailColumns columns = new RetailColumns(file);
        long count = 0;
        try (CsvReader<CsvRecord> csv = CSV.ofCsvRecord(reader)) {
            boolean header = true;
            CsvRecord previous = null;
            for (CsvRecord record : csv) {
                if (header) {
                    columns.checkHeader(record.getFields());
                    header = false;
                    previous = record;
                    continue;
                }
                // A record that spans lines (a quote left open, closed by one on a later line)
                // can still have the right number of fields and would swallow the lines between.
                // Only after a jump in line numbers is the record before looked at again; the
                // import is one transaction, so refusing it one record late changes nothing.
                if (record.getStartingLineNumber() > previous.getStartingLineNumber() + 1) {
                    columns.checkNoQuoteLeftOpen(previous.getStartingLineNumber(), previous.getFields());
                }
                previous = record;
                sink.accept(columns.read(record.getStartingLineNumber(), record.getFields(), null));
                if (++count % 10_000 == 0) {
                    progress.stepTo(count);
                }
            }
            if (header) {
                throw new ImportException(
                        file, "the file has no header line; expected " + String.join(",", RetailColumns.HEADER));
            }
            columns.checkNoQuoteLeftOpen(previous.getStartingLineNumber(), previous.getFields());
        } catch (CsvParseException e) {
            if (e.getCause() instanceof ImportException refused) {
                throw refused; // by the text input: not UTF-8, binary, or a damaged gzip
            }
            if (e.getCause() != null
                    && String.valueOf(e.getCause().getMessage()).contains("maximum buffer size")) {
                throw fieldTooLarge(file, e);
            }
            throw notValidCsv(file, e);
        } catch (UncheckedIOException e) {
            throw new ImportException(file, "cannot be read: " + e.getCause().getMessage());
        }
        progress.stepTo(count);
        return count;
    }

    /**
     * FastCSV's own words name its internals ("Exception when reading record..."); the most
     * common cause by far is a quote opened in a field and closed by one further on, followed by
     * more text: say that, on the line where the record started.
     */
    private static ImportException notValidCsv(String file, CsvParseException e) {
        Matcher started = STARTED_IN_LINE.matcher(String.valueOf(e.getMessage()));
        String cause = e.getCause() == null ? "" : String.valueOf(e.getCause().getMessage());
        if (started.find() && cause.startsWith("Unexpected character after closing quote")) {
            return new ImportException(
                    file,
                    Long.parseLong(started.group(1)),
                    0,
                    null,
                    "a quote (\") opened on this line is closed further on and followed by more text ("
                            + cause.substring("Unexpected character after closing quote".length())
                                    .replaceFirst("^\\s*:\\s*", "")
                            + " after it); expected quotes only around a whole field, each closed on its own line");
        }
        return new ImportException(
                file, "is not valid CSV: " + e.getMessage() + (cause.isEmpty() ? "" : " (" + cause + ")"));
    }

    /**
     * FastCSV holds one field in a buffer of at most 16 MiB; its own message for a longer field
     * guesses at an unclosed quote, which the user may not have. Say what the limit is, and where.
     */
    private static ImportException fieldTooLarge(String file, CsvParseException e) {
        Matcher started = STARTED_IN_LINE.matcher(String.valueOf(e.getMessage()));
        long line = started.find() ? Long.parseLong(started.group(1)) : 0;
        return new ImportException(
                file,
                line,
                0,
                null,
                "a field that starts on this line is longer than " + MAX_FIELD_MIB
                        + " MiB, the largest field Restock reads");
    }

    private interface StreamOpener {
        InputStream open() throws IOException;
    }

    private static long readExcel(
            String file, StreamOpener opener, ImportProgress progress, Consumer<RetailLine> sink) {
        RetailColumns columns = new RetailColumns(file);
        long[] count = {0};
        try (InputStream in = opener.open();
                ReadableWorkbook workbook = new ReadableWorkbook(in);
                var rows = workbook.getFirstSheet().openStream()) {
            boolean[] header = {true};
            rows.forEach(row -> {
                if (header[0]) {
                    columns.checkHeader(texts(row));
                    header[0] = false;
                    return;
                }
                if (row.getCellCount() == 0) {
                    return;
                }
                sink.accept(columns.read(row.getRowNum(), texts(row), time(file, row)));
                if (++count[0] % 10_000 == 0) {
                    progress.stepTo(count[0]);
                }
            });
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportException importException) {
                throw importException;
            }
            throw new ImportException(file, "is not a readable Excel (.xlsx) file: " + e.getMessage());
        }
        progress.stepTo(count[0]);
        return count[0];
    }

    /** Cell values as the CSV copies write them; Excel stores prices as binary doubles. */
    private static List<String> texts(Row row) {
        List<String> values = new ArrayList<>(RetailColumns.HEADER.size());
        for (int i = 0; i < Math.max(row.getCellCount(), RetailColumns.HEADER.size()) && i < 16; i++) {
            Cell cell = i < row.getCellCount() ? row.getCell(i) : null;
            values.add(cell == null ? "" : text(cell));
        }
        while (values.size() > RetailColumns.HEADER.size() && values.getLast().isEmpty()) {
            values.removeLast();
        }
        return values;
    }

    private static String text(Cell cell) {
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal number =
                    cell.asNumber().setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
            return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
        }
        String raw = cell.getText();
        return raw == null ? "" : raw;
    }

    private static LocalDateTime time(String file, Row row) {
        Cell cell = row.getCellCount() > 4 ? row.getCell(4) : null;
        if (cell == null || cell.getType() != CellType.NUMBER) {
            throw new ImportException(
                    file,
                    row.getRowNum(),
                    5,
                    "InvoiceDate",
                    "'" + (cell == null ? "" : cell.getText()) + "' is not an Excel date; expected a date cell");
        }
        return cell.asDate();
    }

    private static long readZip(Path file, ImportProgress progress, Consumer<RetailLine> sink) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.stream()
                    .filter(e -> !e.isDirectory())
                    .filter(e -> e.getName().toLowerCase(Locale.ROOT).matches(".*\\.(xlsx|csv)$"))
                    .findFirst()
                    .orElseThrow(() -> new ImportException(
                            file.toString(),
                            "the zip file holds no .xlsx or .csv file; expected the UCI download 'online+retail.zip'"));
            String inner = file + "!" + entry.getName();
            if (entry.getName().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                return readExcel(inner, () -> zip.getInputStream(entry), progress, sink);
            }
            Path extracted = Files.createTempFile("restock-retail-", ".csv");
            try {
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, extracted, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                try (Reader reader = StrictUtf8Reader.openGzipOrText(extracted, inner)) {
                    return readCsv(inner, reader, progress, sink);
                }
            } finally {
                Files.deleteIfExists(extracted);
            }
        } catch (java.util.zip.ZipException e) {
            throw new ImportException(file.toString(), "is not a readable zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new ImportException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }
}
