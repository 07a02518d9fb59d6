package dev.restock.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.DatabaseTest;
import dev.restock.TestDatabase;
import dev.restock.ingest.ImportException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Every kind of bad file is refused with file, line, column and field, and changes nothing. */
class OnlineRetailBadInputTest extends DatabaseTest {

    static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    static final String GOOD = "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n";

    @Autowired
    OnlineRetailImporter importer;

    @TempDir
    Path folder;

    Map<String, String> before;

    @BeforeEach
    void importSomethingFirst() {
        importer.importFile(OnlineRetailImporterTest.SMALL);
        before = TestDatabase.contents(jdbc);
    }

    @Test
    void rejectsAMissingColumnNamingIt() throws IOException {
        Path file =
                write("missing.csv", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,Country\n" + GOOD);

        assertRefused(file, 1, 7, "CustomerID", "found column 'Country' where CustomerID was expected");
    }

    @Test
    void rejectsAnUnknownExtraColumn() throws IOException {
        Path file = write("extra.csv", HEADER.strip() + ",Channel\n" + GOOD);

        assertRefused(file, 1, 9, "Channel", "unknown extra column 'Channel'");
    }

    @Test
    void rejectsAQuantityThatIsNotANumber() throws IOException {
        Path file = write("number.csv", HEADER + GOOD + "536366,71053,LANTERN,six,2010-12-01 09:00:00,3.39,,France\n");

        assertRefused(file, 3, 4, "Quantity", "'six' is not a number; expected a whole number such as 12 or -3");
    }

    @Test
    void rejectsAPriceWrittenWithAnExponent() throws IOException {
        Path file = write("exponent.csv", HEADER + "536366,71053,LANTERN,6,2010-12-01 09:00:00,1e3,,France\n");

        assertRefused(file, 2, 6, "UnitPrice", "'1e3' is not a number; expected a decimal number such as 2.55");
    }

    @Test
    void rejectsAPriceWithMoreThanSixDecimalPlacesInsteadOfRoundingIt() throws IOException {
        Path file = write(
                "places.csv", HEADER + GOOD + "536366,71053,LANTERN,6,2010-12-01 09:00:00,7.6512345678,,France\n");

        assertRefused(
                file, 3, 6, "UnitPrice", "'7.6512345678' has more than 6 decimal places; Restock keeps 6 exactly");
    }

    @Test
    void rejectsAQuantityTooLargeToKeep() throws IOException {
        String huge = "1" + "0".repeat(32);
        Path file = write("huge.csv", HEADER + "536366,71053,LANTERN," + huge + ",2010-12-01 09:00:00,3.39,,France\n");

        assertRefused(file, 2, 4, "Quantity", "'" + huge + "' is too large; expected at most 32 digits before");
    }

    @Test
    void rejectsAQuoteThatIsNeverClosedSayingSo() throws IOException {
        Path file = write(
                "quote.csv",
                HEADER + GOOD + "536366,71053,\"WHITE METAL LANTERN,6,2010-12-01 09:00:00,3.39,,France\n" + GOOD);

        assertRefused(file, 3, 3, "Description", "a quoted value that is never closed");
    }

    @Test
    void rejectsAQuoteClosedOnALaterLineThatWouldSwallowTheLinesBetween() throws IOException {
        // Eight fields in all, so the count alone does not give it away: the first line's
        // description would take in the second line, and that sale would be lost.
        Path file = write(
                "swallow.csv",
                HEADER + GOOD + "536366,71053,\"WHITE METAL LANTERN,6,2010-12-01 09:00:00,3.39,,France\n"
                        + "536367,22633,HAND WARMER\",6,2010-12-01 09:10:00,1.85,,France\n" + GOOD);

        assertRefused(file, 3, 3, "Description", "a quoted value that is never closed");
    }

    @Test
    void rejectsAQuoteClosedFurtherOnAndFollowedByTextNamingTheLine() throws IOException {
        Path file = write(
                "closed-later.csv",
                HEADER + GOOD + "536366,71053,\"WHITE METAL LANTERN,6,2010-12-01 09:00:00,3.39,,France\n"
                        + "536367,22633,\"HAND WARMER\",6,2010-12-01 09:10:00,1.85,,France\n" + GOOD);

        assertRefused(file, 3, 0, null, "a quote (\") opened on this line is closed further on");
    }

    @Test
    void rejectsAPriceWrittenWithMoreThanSixPlacesEvenWhenTheyAreZeros() throws IOException {
        Path file = write("zeros.csv", HEADER + "536366,71053,LANTERN,6,2010-12-01 09:00:00,3.3900000,,France\n");

        assertRefused(file, 2, 6, "UnitPrice", "'3.3900000' has more than 6 decimal places");
    }

    @Test
    void rejectsANegativePriceOnAProductLine() throws IOException {
        Path file = write("negative.csv", HEADER + GOOD + "536366,71053,LANTERN,6,2010-12-01 09:00:00,-3.39,,France\n");

        assertRefused(file, 3, 6, "UnitPrice", "'-3.39' is a negative price for product 71053; expected 0 or more");
    }

    @Test
    void acceptsTheNegativePriceOfABadDebtAdjustmentWhichIsNotAProduct() throws IOException {
        // As in the data set: line A563186 adjusts bad debt with a price of -11062.06.
        Path file = write(
                "bad-debt.csv",
                HEADER + GOOD + "A563186,B,Adjust bad debt,1,2011-08-12 14:51:00,-11062.06,,United Kingdom\n");

        var summary = importer.importFile(file);

        assertThat(summary.skipped()).containsEntry("B (bad debt adjustment)", 1L);
    }

    @Test
    void rejectsAFractionalQuantity() throws IOException {
        Path file = write("fraction.csv", HEADER + "536366,71053,LANTERN,1.5,2010-12-01 09:00:00,3.39,,France\n");

        assertRefused(file, 2, 4, "Quantity", "'1.5' is not a whole number");
    }

    @Test
    void rejectsABadDate() throws IOException {
        Path file = write("date.csv", HEADER + "536366,71053,LANTERN,6,2010-13-45 09:00:00,3.39,,France\n");

        assertRefused(file, 2, 5, "InvoiceDate", "'2010-13-45 09:00:00' is not a date and time");
    }

    @Test
    void rejectsALineWithTooFewFields() throws IOException {
        Path file = write("short.csv", HEADER + GOOD + "536366,71053,LANTERN,6\n");

        assertRefused(file, 3, 5, null, "found 4 fields; expected 8");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = write("empty.csv", "");

        assertRefused(file, 0, 0, null, "the file is empty");
    }

    @Test
    void rejectsAFileWithAHeaderButNoLines() throws IOException {
        Path file = write("header-only.csv", HEADER);

        assertRefused(file, 2, 0, null, "the file has a header but no data lines");
    }

    @Test
    void rejectsABinaryFile() throws IOException {
        Path file = folder.resolve("picture.csv");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d});

        assertRefused(file, 1, 1, null, "is a PNG image, not CSV text");
    }

    @Test
    void rejectsANulByteFarIntoAGzipFileNamingLineAndColumn() throws IOException {
        Path file = folder.resolve("nul.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 1000; i++) {
                out.write(GOOD.replace("536365", Integer.toString(600000 + i)).getBytes(StandardCharsets.UTF_8));
            }
            out.write("700000,71053,LAN\0TERN,6,2010-12-01 09:00:00,3.39,,France\n".getBytes(StandardCharsets.UTF_8));
        }

        assertRefused(file, 1002, 17, null, "contains a NUL byte, so it is a binary file");
    }

    @Test
    void rejectsTextThatIsNotUtf8NamingLineAndColumn() throws IOException {
        Path file = folder.resolve("latin1.csv");
        String text = HEADER + GOOD + "536366,71053,CAF\u00c9 LANTERN,6,2010-12-01 09:00:00,3.39,,France\n";
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));

        assertRefused(file, 3, 17, null, "byte 0xC9 is not valid UTF-8");
    }

    @Test
    void rejectsABadLineInsideAGzipFileAfterManyGoodOnes() throws IOException {
        Path file = folder.resolve("late.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 5000; i++) {
                out.write(GOOD.replace("536365", Integer.toString(600000 + i)).getBytes(StandardCharsets.UTF_8));
            }
            out.write("700000,71053,LANTERN,6,2010-12-01 09:00:00,abc,,France\n".getBytes(StandardCharsets.UTF_8));
        }

        assertRefused(file, 5002, 6, "UnitPrice", "'abc' is not a number");
    }

    @Test
    void rejectsATruncatedGzipFileSayingSo() throws IOException {
        Path whole = folder.resolve("whole.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 5000; i++) {
                out.write(GOOD.replace("536365", Integer.toString(600000 + i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path file = folder.resolve("cut.csv.gz");
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        // Where the text that can still be decompressed stops: the line and column the error names.
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            in.transferTo(text);
        } catch (java.io.EOFException expected) {
            // the cut
        }
        String readable = text.toString(StandardCharsets.UTF_8);
        long line = readable.chars().filter(c -> c == '\n').count() + 1;
        int column = readable.length() - readable.lastIndexOf('\n');

        assertRefused(file, line, column, null, "the gzip file is cut short (truncated) here");
        assertThatThrownBy(() -> importer.importFile(file)).message().doesNotContain("ZLIB");
    }

    @Test
    void rejectsAGzipFileCutWithinItsHeader() throws IOException {
        Path whole = folder.resolve("whole.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write((HEADER + GOOD).getBytes(StandardCharsets.UTF_8));
        }
        Path file = folder.resolve("five-bytes.csv.gz");
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(whole), 5));

        assertRefused(file, 0, 0, null, "the gzip file is cut short (truncated) within its header, before any text");
        assertThatThrownBy(() -> importer.importFile(file)).message().doesNotContain("null");
    }

    @Test
    void rejectsAFieldLongerThanTheLimitNamingLineAndLimitWithoutBlamingAQuote() throws IOException {
        Path file = write("huge.csv", HEADER + GOOD + "536366,71053,\"" + "x".repeat(17 * 1024 * 1024) + "\",6\n");

        assertRefused(file, 3, 0, null, "a field that starts on this line is longer than 16 MiB");
        assertThatThrownBy(() -> importer.importFile(file)).message().doesNotContainIgnoringCase("quot");
    }

    @Test
    void rejectsAMissingFile() {
        assertRefused(folder.resolve("nowhere.csv"), 0, 0, null, "no such file");
    }

    private void assertRefused(Path file, long line, int column, String field, String problem) {
        assertThatThrownBy(() -> importer.importFile(file)).isInstanceOfSatisfying(ImportException.class, e -> {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(problem).endsWith("Nothing was imported.");
        });
        assertThat(TestDatabase.contents(jdbc)).isEqualTo(before);
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
