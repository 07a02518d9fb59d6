package dev.restock.ingest.entities;

import static dev.restock.ingest.entities.EntityFolders.LATER;
import static dev.restock.ingest.entities.EntityFolders.UPDATED;
import static dev.restock.ingest.entities.EntityFolders.copyOfValid;
import static dev.restock.ingest.entities.EntityFolders.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restock.DatabaseTest;
import dev.restock.TestDatabase;
import dev.restock.ingest.ImportException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Rows whose values break the contract. Each case leaves the database as it was. */
class EntityImportRejectsBadValuesTest extends DatabaseTest {

    private static final String SALES_HEADER =
            "ORDER_ID,LINE_ID,SKU,WAREHOUSE,KIND,QUANTITY,ORDERED_AT,UPDATED_AT,REMOVED";
    private static final String COMPONENTS_HEADER = "SKU,COMPONENT_SKU,QUANTITY,UPDATED_AT,REMOVED";

    @Autowired
    EntityImporter importer;

    @TempDir
    Path folder;

    @BeforeEach
    void startFromTheValidFolder() {
        copyOfValid(folder);
    }

    @Test
    void rejectsTextInQuantityNamingFileLineColumnAndField() {
        write(
                folder,
                "sales_orders.csv",
                SALES_HEADER,
                sale("SO-1", "1", "MUG-RED", "LDN", "sale", "2"),
                sale("SO-1", "2", "MUG-RED", "LDN", "sale", "abc"));

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("sales_orders.csv, line 3, column 6 (QUANTITY): 'abc' is not a number;")
                .contains("expected a decimal number such as 12.5");
    }

    @Test
    void asksForAWholeNumberWhereTheColumnTakesOnlyWholeNumbers() {
        write(
                folder,
                "vendors.csv",
                "CODE,NAME,CURRENCY,LEAD_TIME_DAYS,UPDATED_AT,REMOVED",
                "ACME,Acme,EUR,fourteen," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("vendors.csv, line 2, column 4 (LEAD_TIME_DAYS): 'fourteen' is not a number;")
                .contains("expected a whole number of 0 or more such as 14")
                .doesNotContain("12.5");
    }

    @Test
    void takesAWholeNumberAsDigitsOnlyAsTheContractWritesIt() {
        write(
                folder,
                "vendors.csv",
                "CODE,NAME,CURRENCY,LEAD_TIME_DAYS,UPDATED_AT,REMOVED",
                "ACME,Acme,EUR,1.0," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("vendors.csv, line 2, column 4 (LEAD_TIME_DAYS): '1.0' is not a whole number; expected"
                        + " digits only, such as 14 (no decimal point)");
    }

    @Test
    void rejectsDateWithoutOffset() {
        write(folder, "vendors.csv", "CODE,NAME,UPDATED_AT,REMOVED", "ACME,Acme,2024-03-01 10:15:00,false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("vendors.csv, line 2, column 3 (UPDATED_AT): '2024-03-01 10:15:00' is not an ISO-8601")
                .contains("2024-03-01T10:15:00Z");
    }

    @Test
    void rejectsUnknownWarehouseNamingFileLineAndColumn() {
        write(
                folder,
                "variant_warehouses.csv",
                "SKU,WAREHOUSE,AVAILABLE,UPDATED_AT,REMOVED",
                "MUG-RED,LDN,1," + UPDATED + ",false",
                "MUG-RED,PAR,1," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("variant_warehouses.csv, line 3, column 2 (WAREHOUSE): unknown"
                        + " warehouse 'PAR'; it is neither in the database nor in warehouses.csv of this folder");
    }

    @Test
    void rejectsUnknownVariantInSalesOrders() {
        write(folder, "sales_orders.csv", SALES_HEADER, sale("SO-1", "1", "MUG-GREEN", "LDN", "sale", "1"));

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("sales_orders.csv, line 2, column 3 (SKU): unknown variant 'MUG-GREEN'");
    }

    @Test
    void rejectsKeyThatAppearsTwiceInOneFile() {
        write(
                folder,
                "variant_vendors.csv",
                "SKU,VENDOR,UPDATED_AT,REMOVED",
                "MUG-RED,ACME," + UPDATED + ",false",
                "TEA-100,TEACO," + UPDATED + ",false",
                "MUG-RED,ACME," + LATER + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("variant_vendors.csv, line 4, column 1 (SKU, VENDOR): 'MUG-RED,"
                        + " ACME' appears twice, first at line 2; each SKU and VENDOR may appear once per file");
    }

    @Test
    void rejectsComponentCycleWithinTheFile() {
        write(
                folder,
                "components.csv",
                COMPONENTS_HEADER,
                component("GIFT-SET", "MUG-RED"),
                component("MUG-RED", "TEA-100"),
                component("TEA-100", "GIFT-SET"));

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("components.csv, line 2, column 2 (COMPONENT_SKU): the components form a cycle:")
                .contains("GIFT-SET contains MUG-RED contains TEA-100 contains GIFT-SET");
    }

    @Test
    void rejectsComponentCycleClosedByARowAlreadyInTheDatabase(@TempDir Path second) {
        importer.importFolder(EntityFolders.valid());
        write(second, "components.csv", COMPONENTS_HEADER, component("TEA-100", "GIFT-SET"));

        ImportException error = rejects(second);

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.getMessage()).contains("TEA-100 contains GIFT-SET contains TEA-100");
    }

    @Test
    void rejectsNegativeComponentQuantity() {
        write(folder, "components.csv", COMPONENTS_HEADER, "GIFT-SET,MUG-RED,-1," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("components.csv, line 2, column 3 (QUANTITY): '-1' must be greater than 0");
    }

    @Test
    void rejectsNegativeSaleQuantityBecauseKindGivesTheDirection() {
        write(folder, "sales_orders.csv", SALES_HEADER, sale("SO-1", "1", "MUG-RED", "LDN", "return", "-1"));

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("sales_orders.csv, line 2, column 6 (QUANTITY): '-1' must be greater than 0 for a return");
    }

    @Test
    void rejectsUnknownVariantType() {
        write(folder, "variants.csv", "SKU,TITLE,TYPE,UPDATED_AT,REMOVED", "KIT-1,Kit,kit," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("variants.csv, line 2, column 3 (TYPE): 'kit' is not allowed;"
                        + " expected one of simple, bundle, assembly");
    }

    @Test
    void rejectsUnknownTimeZone() {
        write(
                folder,
                "warehouses.csv",
                "CODE,NAME,TIME_ZONE,UPDATED_AT,REMOVED",
                "MARS,Olympus Mons,Mars/Olympus," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("warehouses.csv, line 2, column 3 (TIME_ZONE): 'Mars/Olympus' is not a time zone");
    }

    @Test
    void rejectsOffsetAsTimeZoneBecausePostgresReadsItsSignReversed() {
        write(
                folder,
                "warehouses.csv",
                "CODE,NAME,TIME_ZONE,UPDATED_AT,REMOVED",
                "BER,Berlin,+01:00," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.field()).isEqualTo("TIME_ZONE");
    }

    @Test
    void rejectsCurrencyThatIsNotThreeLetters() {
        write(folder, "vendors.csv", "CODE,NAME,CURRENCY,UPDATED_AT,REMOVED", "ACME,Acme,EURO," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage())
                .startsWith("vendors.csv, line 2, column 3 (CURRENCY): 'EURO' is not a currency"
                        + " code; expected three letters");
    }

    @Test
    void rejectsMaximumStockBelowMinimumStock() {
        write(
                folder,
                "variant_warehouses.csv",
                "SKU,WAREHOUSE,AVAILABLE,MIN_STOCK,MAX_STOCK,UPDATED_AT,REMOVED",
                "MUG-RED,LDN,1,10,5," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage()).startsWith("variant_warehouses.csv, line 2, column 5 (MAX_STOCK): '5' is below");
    }

    @Test
    void rejectsEmptyRequiredValue() {
        write(folder, "warehouses.csv", "CODE,NAME,UPDATED_AT,REMOVED", "LDN,," + UPDATED + ",false");

        ImportException error = rejects(folder);

        assertThat(error.getMessage()).startsWith("warehouses.csv, line 2, column 2 (NAME): is empty; expected text");
    }

    @Test
    void badLastFileUndoesEveryChangeOfTheFilesBeforeIt(@TempDir Path second) {
        importer.importFolder(EntityFolders.valid());
        write(
                second,
                "warehouses.csv",
                "CODE,NAME,UPDATED_AT,REMOVED",
                "LDN,Renamed," + LATER + ",false",
                "PAR,Paris," + LATER + ",false");
        write(
                second,
                "sales_orders.csv",
                SALES_HEADER,
                sale("SO-9", "1", "MUG-RED", "PAR", "sale", "1"),
                sale("SO-9", "2", "MUG-RED", "PAR", "sale", "1.1234567"));

        ImportException error = rejects(second);

        assertThat(error.getMessage()).contains("line 3", "has more than 6 decimal places");
        assertThat(jdbc.sql("select name from warehouses where code = 'LDN'")
                        .query(String.class)
                        .single())
                .isEqualTo("London");
    }

    private ImportException rejects(Path bad) {
        var before = TestDatabase.contents(jdbc);

        ImportException error = catchThrowableOfType(ImportException.class, () -> importer.importFolder(bad));

        assertThat(error).as("the import fails").isNotNull();
        assertThat(TestDatabase.contents(jdbc)).as("the database is unchanged").isEqualTo(before);
        return error;
    }

    private static String sale(String order, String line, String sku, String warehouse, String kind, String quantity) {
        return String.join(",", order, line, sku, warehouse, kind, quantity, "2024-02-28T09:30:00Z", UPDATED, "false");
    }

    private static String component(String sku, String componentSku) {
        return String.join(",", sku, componentSku, "1", UPDATED, "false");
    }
}
