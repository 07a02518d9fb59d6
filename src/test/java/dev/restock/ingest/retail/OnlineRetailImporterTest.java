package dev.restock.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import dev.restock.ingest.ImportSummary;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class OnlineRetailImporterTest extends DatabaseTest {

    static final Path SMALL = Path.of("src/test/resources/online-retail/small.csv");

    @Autowired
    OnlineRetailImporter importer;

    @Autowired
    dev.restock.sales.DailyDemand dailyDemand;

    @Test
    void importsSalesCancellationsAndAdjustmentsAndReportsSkippedNonProductCodes() {
        ImportSummary summary = importer.importFile(SMALL);

        assertThat(summary.linesRead()).isEqualTo(11);
        assertThat(summary.linesImported()).isEqualTo(8);
        assertThat(summary.linesSkipped()).isEqualTo(3);
        assertThat(summary.variants()).isEqualTo(3);
        assertThat(summary.changed()).isTrue();
        assertThat(summary.skipped())
                .containsEntry("POST (postage)", 1L)
                .containsEntry("D (discount)", 1L)
                .containsEntry("gift_* (gift voucher)", 1L);
        assertThat(kindOf("C536367", "1")).isEqualTo("cancellation");
        assertThat(kindOf("536368", "1")).isEqualTo("adjustment");
        assertThat(kindOf("536369", "1")).isEqualTo("adjustment");
        assertThat(kindOf("536366", "1")).isEqualTo("sale");
    }

    @Test
    void mergesStockCodesWrittenInLowerCaseAndTitlesVariantsAfterTheirMostFrequentSaleDescription() {
        importer.importFile(SMALL);

        assertThat(jdbc.sql("select sku from variants order by sku")
                        .query(String.class)
                        .list())
                .containsExactly("71053", "84029G", "85123A");
        assertThat(titleOf("71053")).isEqualTo("WHITE METAL LANTERN");
        assertThat(titleOf("85123A")).isEqualTo("WHITE HANGING HEART T-LIGHT HOLDER");
        assertThat(jdbc.sql("select price from variants where sku = '85123A'")
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("2.55");
    }

    @Test
    void sendsUnitedKingdomSalesToOneWarehouseAndEveryOtherCountryToTheOther() {
        importer.importFile(SMALL);

        assertThat(warehouseOf("536365", "1")).isEqualTo("LDN");
        assertThat(warehouseOf("536366", "1")).isEqualTo("INTL");
        assertThat(warehouseOf("536370", "1")).isEqualTo("INTL");
    }

    @Test
    void storesUkLocalTimesInUtcAcrossSummerTime() {
        importer.importFile(SMALL);

        assertThat(soldAt("536365", "1")).isEqualTo(Instant.parse("2010-12-01T08:26:00Z"));
        assertThat(soldAt("536370", "1")).isEqualTo(Instant.parse("2011-06-01T09:00:00Z"));
    }

    @Test
    void derivesDailyDemandWithReturnsApartAndWithoutPositiveAdjustments() {
        importer.importFile(SMALL);

        assertThat(demand("85123A", "LDN", "2010-12-01")).isEqualTo("6.000000/0.000000");
        assertThat(demand("85123A", "INTL", "2010-12-01")).isEqualTo("12.000000/0.000000");
        assertThat(demand("85123A", "LDN", "2010-12-02")).isEqualTo("0.000000/2.000000");
        assertThat(demand("71053", "LDN", "2010-12-02")).isEqualTo("0.000000/5.000000");
        assertThat(demand("84029G", "INTL", "2011-06-01")).isEqualTo("8.000000/0.000000");
        assertThat(jdbc.sql("select min(day) from trading_days")
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.parse("2010-12-01"));
    }

    @Test
    void demandAndTradingDaysTalliedDuringTheBulkLoadEqualThoseRecomputedFromTheLines() {
        importer.importFile(SMALL);
        var tallied = demandRows();
        var talliedDays = tradingDays();

        dailyDemand.rebuild();

        assertThat(demandRows()).isEqualTo(tallied).hasSize(6);
        assertThat(tradingDays()).isEqualTo(talliedDays).hasSize(2 * 3);
    }

    @Test
    void demandOfADayThatComesBackAfterAnotherDayIsTalliedIntoOneRow(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("days-out-of-order.csv");
        Files.writeString(file, """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
                536366,85123A,WHITE HANGING HEART T-LIGHT HOLDER,2,2010-12-02 09:00:00,2.55,17850.0,United Kingdom
                536367,85123A,WHITE HANGING HEART T-LIGHT HOLDER,3,2010-12-01 17:00:00,2.50,17850.0,United Kingdom
                C536368,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-1,2010-12-01 18:00:00,2.55,17850.0,United Kingdom
                """);

        importer.importFile(file);

        assertThat(demand("85123A", "LDN", "2010-12-01")).isEqualTo("9.000000/1.000000");
        var tallied = demandRows();
        var talliedDays = tradingDays();
        dailyDemand.rebuild();
        assertThat(demandRows()).isEqualTo(tallied).hasSize(2);
        assertThat(tradingDays()).isEqualTo(talliedDays).hasSize(2 * 2);
    }

    @Test
    void aFirstImportThatFailsAfterItsLinesWereCopiedChangesNothingAndCanBeRunAgain() {
        var before = dev.restock.TestDatabase.contents(jdbc);
        RetailAttributes bundled = RetailAttributes.loadBundled();
        var negativeMinimum = new RetailAttributes.StartingStock(
                "85123A", "LDN", BigDecimal.ONE, new BigDecimal("-1"), null, null, null);
        RetailAttributes failing = new RetailAttributes(
                bundled.timeZone(),
                bundled.currency(),
                bundled.warehouses(),
                bundled.countryWarehouses(),
                bundled.otherCountriesWarehouse(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(negativeMinimum),
                java.util.List.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importFile(SMALL, failing))
                .hasMessageContaining("min_stock");

        assertThat(before.get("sales_lines")).startsWith("0 rows"); // so the failed import was a bulk load
        assertThat(dev.restock.TestDatabase.contents(jdbc)).isEqualTo(before);
        assertThat(importer.importFile(SMALL).linesImported()).isEqualTo(8);
        assertThat(jdbc.sql("select count(*) from pg_constraint where conname = 'sales_lines_pkey'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void importingIntoADatabaseWithLinesRecomputesDemandFromAllOfThem() {
        importer.importFile(SMALL);
        jdbc.sql("update sales_lines set quantity = 7 where order_ref = '536365' and line_ref = '1'")
                .update();

        ImportSummary again = importer.importFile(SMALL);

        assertThat(again.linesImported()).isEqualTo(1);
        assertThat(demand("85123A", "LDN", "2010-12-01")).isEqualTo("6.000000/0.000000");
    }

    @Test
    void twoImportsAtOnceTakeTurnsAndKeepEveryLine() throws Exception {
        Path other = Path.of("src/test/resources/online-retail/other-store.csv");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> importer.importFile(SMALL));
            var second = pool.submit(() -> importer.importFile(other));
            first.get();
            second.get();
        } finally {
            pool.shutdown();
        }

        assertThat(jdbc.sql("select count(*) from sales_lines")
                        .query(Long.class)
                        .single())
                .isEqualTo(8 + 2);
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        importer.importFile(SMALL);
        var before = dev.restock.TestDatabase.rowCounts(jdbc);
        var contentsBefore = dev.restock.TestDatabase.contents(jdbc, "import_runs");
        var updatedBefore = jdbc.sql("select max(updated_at) from sales_lines")
                .query(Instant.class)
                .single();

        ImportSummary again = importer.importFile(SMALL);

        assertThat(again.linesRead()).isEqualTo(11);
        assertThat(again.linesImported()).isZero();
        assertThat(again.changed()).isFalse();
        var after = dev.restock.TestDatabase.rowCounts(jdbc);
        after.put("import_runs", after.get("import_runs") - 1);
        assertThat(after).isEqualTo(before);
        assertThat(dev.restock.TestDatabase.contents(jdbc, "import_runs")).isEqualTo(contentsBefore);
        assertThat(jdbc.sql("select max(updated_at) from sales_lines")
                        .query(Instant.class)
                        .single())
                .isEqualTo(updatedBefore);
    }

    @Test
    void anInvoiceInTheFileIsTheWholeInvoiceSoALineTakenOutAgainIsNoLongerASale(@TempDir Path folder) throws Exception {
        importer.importFile(SMALL);
        var demandBefore = demandRows();
        long before = activeLines();
        java.util.List<String> lines = Files.readAllLines(SMALL);
        lines.add(2, lines.get(1)); // invoice 536365's first line, twice: its later lines shift by one
        Path withDuplicate = Files.write(folder.resolve("duplicate.csv"), lines);

        ImportSummary doubled = importer.importFile(withDuplicate);
        ImportSummary corrected = importer.importFile(SMALL);

        assertThat(doubled.linesImported()).as("line 2 changed, line 3 new").isEqualTo(2);
        assertThat(corrected.details()).containsEntry("sales lines removed", 1L);
        assertThat(corrected.changed()).isTrue();
        assertThat(activeLines()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from sales_lines where removed")
                        .query(Long.class)
                        .single())
                .as("kept as history")
                .isEqualTo(1);
        assertThat(demandRows()).isEqualTo(demandBefore);
        assertThat(importer.importFile(SMALL).changed()).isFalse();
    }

    @Test
    void aLineMovedBackToItsSkuByACorrectedFileGivesTheSkuItLeftItsPriceBack(@TempDir Path folder) throws Exception {
        String header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
        String line = "%s,%s,ITEM,1,2010-12-01 08:26:00,%s,17850.0,United Kingdom\n";
        Path original = Files.writeString(
                folder.resolve("original.csv"),
                header
                        + line.formatted("536365", "MUG", "2.10")
                        + line.formatted("536365", "CUP", "3.00")
                        + line.formatted("536366", "MUG", "2.10")
                        + line.formatted("536367", "MUG", "1.85"));
        // A MUG line slipped in at position 2 of 536365: CUP moves to position 3, and more MUGs at 1.85.
        Path shifted = Files.writeString(
                folder.resolve("shifted.csv"),
                header
                        + line.formatted("536365", "MUG", "2.10")
                        + line.formatted("536365", "MUG", "1.85")
                        + line.formatted("536365", "CUP", "3.00")
                        + line.formatted("536366", "MUG", "2.10")
                        + line.formatted("536367", "MUG", "1.85")
                        + line.formatted("536368", "MUG", "1.85"));
        importer.importFile(original);
        importer.importFile(shifted);
        assertThat(priceOf("MUG")).isEqualByComparingTo("1.85");

        importer.importFile(original);

        assertThat(priceOf("MUG")).as("most frequent in the file again").isEqualByComparingTo("2.10");
        assertThat(priceOf("CUP")).isEqualByComparingTo("3.00");
    }

    private long activeLines() {
        return jdbc.sql("select count(*) from sales_lines where not removed")
                .query(Long.class)
                .single();
    }

    @Test
    void aFileOfSomeStoredLinesChangesNoTitleOrPriceUntilTheSkuHasANewLine(@TempDir Path folder) throws Exception {
        String header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
        String oddLine = "536366,85123A,RED HEART,1,2010-12-01 09:00:00,2.95,17850.0,United Kingdom\n";
        Path all = Files.writeString(
                folder.resolve("all.csv"),
                header
                        + "536365,85123A,WHITE HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
                        + "536365,85123A,WHITE HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
                        + oddLine);
        Path some = Files.writeString(folder.resolve("some.csv"), header + oddLine);
        Path more = Files.writeString(
                folder.resolve("more.csv"),
                header + oddLine + "536367,85123A,RED HEART,2,2010-12-02 09:00:00,2.95,17850.0,United Kingdom\n");
        importer.importFile(all);
        var before = dev.restock.TestDatabase.rowCounts(jdbc);
        var contentsBefore = dev.restock.TestDatabase.contents(jdbc, "import_runs");

        ImportSummary subset = importer.importFile(some);

        assertThat(subset.linesImported()).isZero();
        assertThat(subset.changed()).isFalse();
        assertThat(subset.details()).containsEntry("products", 0L).containsEntry("variants", 0L);
        assertThat(titleOf("85123A")).isEqualTo("WHITE HEART");
        assertThat(priceOf("85123A")).isEqualByComparingTo("2.55");
        assertThat(productTitleOf("85123")).isEqualTo("WHITE HEART");
        var after = dev.restock.TestDatabase.rowCounts(jdbc);
        after.put("import_runs", after.get("import_runs") - 1);
        assertThat(after).isEqualTo(before);
        assertThat(dev.restock.TestDatabase.contents(jdbc, "import_runs")).isEqualTo(contentsBefore);

        ImportSummary withNewLine = importer.importFile(more);

        assertThat(withNewLine.linesImported()).isEqualTo(1);
        assertThat(withNewLine.details()).containsEntry("products", 1L).containsEntry("variants", 1L);
        assertThat(titleOf("85123A")).isEqualTo("RED HEART");
        assertThat(priceOf("85123A")).isEqualByComparingTo("2.95");
        assertThat(productTitleOf("85123")).isEqualTo("RED HEART");
    }

    private java.util.List<String> demandRows() {
        return jdbc.sql("select concat_ws('|', variant_id, warehouse_id, day, sold, returned, revenue, sale_lines)"
                        + " from daily_demand order by 1")
                .query(String.class)
                .list();
    }

    private java.util.List<String> tradingDays() {
        return jdbc.sql("select concat_ws('|', warehouse_id, day) from trading_days order by 1")
                .query(String.class)
                .list();
    }

    private String kindOf(String invoice, String line) {
        return jdbc.sql("select kind from sales_lines where order_ref = ? and line_ref = ?")
                .params(invoice, line)
                .query(String.class)
                .single();
    }

    private String warehouseOf(String invoice, String line) {
        return jdbc.sql("""
                select w.code from sales_lines l join warehouses w on w.id = l.warehouse_id
                where l.order_ref = ? and l.line_ref = ?
                """).params(invoice, line).query(String.class).single();
    }

    private Instant soldAt(String invoice, String line) {
        return jdbc.sql("select sold_at from sales_lines where order_ref = ? and line_ref = ?")
                .params(invoice, line)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private String titleOf(String sku) {
        return jdbc.sql("select title from variants where sku = ?")
                .param(sku)
                .query(String.class)
                .single();
    }

    private BigDecimal priceOf(String sku) {
        return jdbc.sql("select price from variants where sku = ?")
                .param(sku)
                .query(BigDecimal.class)
                .single();
    }

    private String productTitleOf(String code) {
        return jdbc.sql("select title from products where code = ?")
                .param(code)
                .query(String.class)
                .single();
    }

    private String demand(String sku, String warehouse, String day) {
        return jdbc.sql("""
                select d.sold || '/' || d.returned from daily_demand d
                join variants v on v.id = d.variant_id join warehouses w on w.id = d.warehouse_id
                where v.sku = ? and w.code = ? and d.day = ?
                """)
                .params(sku, warehouse, LocalDate.parse(day))
                .query(String.class)
                .single();
    }
}
