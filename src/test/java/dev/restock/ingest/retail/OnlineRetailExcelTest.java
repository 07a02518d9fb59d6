package dev.restock.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import dev.restock.ingest.ImportSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The UCI original is an Excel file inside a zip; both read like the CSV copies. */
class OnlineRetailExcelTest extends DatabaseTest {

    @Autowired
    OnlineRetailImporter importer;

    @TempDir
    Path folder;

    @Test
    void readsTheExcelOriginalWithExcelDatesAndBinaryDoublePrices() throws IOException {
        Path file = folder.resolve("Online Retail.xlsx");
        writeWorkbook(file);

        ImportSummary summary = importer.importFile(file);

        assertThat(summary.linesRead()).isEqualTo(3);
        assertThat(summary.linesImported()).isEqualTo(2);
        assertThat(summary.skipped()).containsEntry("POST (postage)", 1L);
        assertThat(jdbc.sql("select unit_price::text from sales_lines where order_ref = '536365'")
                        .query(String.class)
                        .single())
                .isEqualTo("2.550000");
        assertThat(jdbc.sql("select sold_at from sales_lines where order_ref = 'C536379'")
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(Instant.parse("2011-07-01T08:41:00Z"));
        assertThat(jdbc.sql("select customer_ref from sales_lines where order_ref = '536365'")
                        .query(String.class)
                        .single())
                .isEqualTo("17850");
    }

    @Test
    void readsTheExcelFileInsideTheUciZipDownload() throws IOException {
        Path workbook = folder.resolve("Online Retail.xlsx");
        writeWorkbook(workbook);
        Path zip = folder.resolve("online+retail.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("Online Retail.xlsx"));
            Files.copy(workbook, out);
            out.closeEntry();
        }

        ImportSummary summary = importer.importFile(zip);

        assertThat(summary.linesImported()).isEqualTo(2);
        assertThat(summary.source()).isEqualTo(zip.toString());
    }

    private static void writeWorkbook(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Online Retail");
            String[] header = {
                "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"
            };
            for (int column = 0; column < header.length; column++) {
                sheet.value(0, column, header[column]);
            }
            row(
                    sheet,
                    1,
                    536365,
                    "85123A",
                    "WHITE HANGING HEART",
                    6,
                    LocalDateTime.parse("2010-12-01T08:26"),
                    2.5499999999999998,
                    17850,
                    "United Kingdom");
            row(
                    sheet,
                    2,
                    536365,
                    "POST",
                    "POSTAGE",
                    1,
                    LocalDateTime.parse("2010-12-01T08:26"),
                    18.0,
                    17850,
                    "United Kingdom");
            sheet.value(3, 0, "C536379");
            sheet.value(3, 1, "85123A");
            sheet.value(3, 2, "WHITE HANGING HEART");
            sheet.value(3, 3, -1);
            sheet.value(3, 4, LocalDateTime.parse("2011-07-01T09:41"));
            sheet.style(3, 4).format("m/d/yyyy h:mm").set();
            sheet.value(3, 5, 2.55);
            sheet.value(3, 6, 14527);
            sheet.value(3, 7, "United Kingdom");
            workbook.finish();
        }
    }

    private static void row(
            Worksheet sheet,
            int row,
            int invoice,
            String code,
            String description,
            int quantity,
            LocalDateTime time,
            double price,
            int customer,
            String country) {
        sheet.value(row, 0, invoice);
        sheet.value(row, 1, code);
        sheet.value(row, 2, description);
        sheet.value(row, 3, quantity);
        sheet.value(row, 4, time);
        sheet.style(row, 4).format("m/d/yyyy h:mm").set();
        sheet.value(row, 5, price);
        sheet.value(row, 6, customer);
        sheet.value(row, 7, country);
    }
}
