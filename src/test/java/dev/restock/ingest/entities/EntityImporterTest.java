package dev.restock.ingest.entities;

import static dev.restock.ingest.entities.EntityFolders.EARLIER;
import static dev.restock.ingest.entities.EntityFolders.LATER;
import static dev.restock.ingest.entities.EntityFolders.UPDATED;
import static dev.restock.ingest.entities.EntityFolders.valid;
import static dev.restock.ingest.entities.EntityFolders.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.restock.DatabaseTest;
import dev.restock.TestDatabase;
import dev.restock.ingest.ImportSummary;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class EntityImporterTest extends DatabaseTest {

    @Autowired
    EntityImporter importer;

    @TempDir
    Path folder;

    @Test
    void importsEveryFileOfAValidFolder() {
        ImportSummary summary = importer.importFolder(valid());

        assertThat(TestDatabase.rowCounts(jdbc))
                .contains(
                        entry("warehouses", 2L),
                        entry("vendors", 2L),
                        entry("products", 2L),
                        entry("variants", 4L),
                        entry("variant_warehouses", 4L),
                        entry("variant_vendors", 3L),
                        entry("components", 2L),
                        entry("sales_lines", 5L),
                        entry("import_runs", 1L));
        assertThat(summary.linesRead()).isEqualTo(22);
        assertThat(summary.linesImported()).isEqualTo(22);
        assertThat(summary.linesSkipped()).isZero();
        assertThat(summary.variants()).isEqualTo(4);
        assertThat(summary.changed()).isTrue();
        assertThat(summary.details())
                .contains(entry("warehouses.csv", 2L), entry("sales_orders.csv", 5L), entry("products", 2L));
    }

    @Test
    void keepsMoneyAndQuantitiesExactAndFillsDefaultsOfEmptyOptionalValues() {
        importer.importFolder(valid());

        assertThat(queryDecimal("select cost from variant_vendors where vendor_reference = 'AC-MUG-R'"))
                .isEqualByComparingTo("3.125");
        assertThat(queryDecimal("select order_multiple from variant_vendors vv join variants v on v.id = vv.variant_id"
                        + " where v.sku = 'TEA-100'"))
                .isEqualByComparingTo("1");
        assertThat(jdbc.sql("select type from variants where sku = 'TEA-100'")
                        .query(String.class)
                        .single())
                .isEqualTo("simple");
        assertThat(jdbc.sql("select title from products where code = 'MUG'")
                        .query(String.class)
                        .single())
                .isEqualTo("Mug");
        assertThat(queryDecimal("select in_transit from variant_warehouses vw join variants v on v.id = vw.variant_id"
                        + " where v.sku = 'TEA-100'"))
                .isEqualByComparingTo("0");
    }

    @Test
    void storesReturnsAsNegativeQuantitiesAndCutsDemandDaysInTheWarehouseTimeZone() {
        importer.importFolder(valid());

        assertThat(queryDecimal("select quantity from sales_lines where order_ref = 'R-1001'"))
                .isEqualByComparingTo("-1");
        assertThat(jdbc.sql("""
                        select d.day from daily_demand d join warehouses w on w.id = d.warehouse_id
                        where w.code = 'NYC'""").query(LocalDate.class).single())
                .as("03:30 UTC on 29 February is still the 28th in New York")
                .isEqualTo(LocalDate.of(2024, 2, 28));
    }

    @Test
    void importingTheSameFolderTwiceChangesNothingTheSecondTime() {
        importer.importFolder(valid());
        var before = TestDatabase.rowCounts(jdbc);
        var contentsBefore = TestDatabase.contents(jdbc, "import_runs");

        ImportSummary again = importer.importFolder(valid());

        assertThat(again.linesRead()).isEqualTo(22);
        assertThat(again.linesImported()).isZero();
        assertThat(again.linesSkipped()).isZero();
        assertThat(again.changed()).isFalse();
        before.merge("import_runs", 1L, Long::sum);
        assertThat(TestDatabase.rowCounts(jdbc)).isEqualTo(before);
        assertThat(TestDatabase.contents(jdbc, "import_runs")).isEqualTo(contentsBefore);
    }

    @Test
    void newerRowsReplaceStoredRowsAndOlderRowsAreSkipped() {
        importer.importFolder(valid());
        write(
                folder,
                "warehouses.csv",
                "CODE,NAME,TIME_ZONE,UPDATED_AT,REMOVED",
                "LDN,London Park Royal,Europe/London," + LATER + ",false",
                "NYC,Old New York,America/New_York," + EARLIER + ",false");

        ImportSummary summary = importer.importFolder(folder);

        assertThat(summary.linesImported()).isEqualTo(1);
        assertThat(summary.linesSkipped()).isEqualTo(1);
        assertThat(summary.skipped()).containsEntry("warehouses.csv (older UPDATED_AT)", 1L);
        assertThat(jdbc.sql("select name from warehouses order by code")
                        .query(String.class)
                        .list())
                .containsExactly("London Park Royal", "New York");
    }

    @Test
    void removedRowHidesTheVariantAndKeepsItsHistory() {
        importer.importFolder(valid());
        write(folder, "variants.csv", "SKU,TITLE,UPDATED_AT,REMOVED", "MUG-RED,\"Mug, red\"," + LATER + ",true");

        importer.importFolder(folder);

        assertThat(jdbc.sql("select removed from variants where sku = 'MUG-RED'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from sales_lines l join variants v on v.id = l.variant_id"
                                + " where v.sku = 'MUG-RED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void referencesMayPointAtRowsImportedEarlier() {
        importer.importFolder(valid());
        write(
                folder,
                "sales_orders.csv",
                "ORDER_ID,LINE_ID,SKU,WAREHOUSE,QUANTITY,ORDERED_AT,UPDATED_AT,REMOVED",
                "SO-2001,1,MUG-BLUE,NYC,3,2024-03-02T12:00:00Z," + UPDATED + ",false");

        ImportSummary summary = importer.importFolder(folder);

        assertThat(summary.linesImported()).isEqualTo(1);
        assertThat(summary.variants()).isZero();
        assertThat(jdbc.sql("select kind from sales_lines where order_ref = 'SO-2001'")
                        .query(String.class)
                        .single())
                .isEqualTo("sale");
    }

    @Test
    void headerOnlyFileImportsNothing() {
        write(folder, "warehouses.csv", "CODE,NAME,UPDATED_AT,REMOVED");

        ImportSummary summary = importer.importFolder(folder);

        assertThat(summary.linesRead()).isZero();
        assertThat(summary.changed()).isFalse();
        assertThat(summary.details()).containsEntry("warehouses.csv", 0L);
    }

    @Test
    void acceptsByteOrderMarkCrLfLineBreaksBlankLinesAndLowerCaseHeaders() {
        EntityFolders.writeBytes(
                folder,
                "warehouses.csv",
                ("\uFEFFcode, name ,updated_at,removed\r\n\r\nLDN,London," + UPDATED + ",FALSE\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        ImportSummary summary = importer.importFolder(folder);

        assertThat(summary.linesImported()).isEqualTo(1);
        assertThat(jdbc.sql("select time_zone from warehouses")
                        .query(String.class)
                        .single())
                .isEqualTo("UTC");
    }

    private BigDecimal queryDecimal(String sql) {
        return jdbc.sql(sql).query(BigDecimal.class).single();
    }
}
