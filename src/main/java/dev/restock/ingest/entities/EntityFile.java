package dev.restock.ingest.entities;

import static dev.restock.ingest.entities.Column.optional;
import static dev.restock.ingest.entities.Column.required;
import static dev.restock.ingest.entities.ColumnType.BOOLEAN;
import static dev.restock.ingest.entities.ColumnType.CURRENCY;
import static dev.restock.ingest.entities.ColumnType.DECIMAL;
import static dev.restock.ingest.entities.ColumnType.INSTANT;
import static dev.restock.ingest.entities.ColumnType.NON_NEGATIVE_DECIMAL;
import static dev.restock.ingest.entities.ColumnType.NON_NEGATIVE_INTEGER;
import static dev.restock.ingest.entities.ColumnType.POSITIVE_DECIMAL;
import static dev.restock.ingest.entities.ColumnType.SALES_KIND;
import static dev.restock.ingest.entities.ColumnType.TEXT;
import static dev.restock.ingest.entities.ColumnType.TIME_ZONE;
import static dev.restock.ingest.entities.ColumnType.VARIANT_TYPE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The files an entity folder may hold, in the order they are applied: a file may refer to rows of
 * the files before it. The columns here are the contract documented in docs/entity-files.md.
 */
enum EntityFile {
    WAREHOUSES(
            "warehouses.csv",
            List.of("CODE"),
            List.of(required("CODE", TEXT), required("NAME", TEXT), optional("TIME_ZONE", TIME_ZONE)),
            List.of()),
    VENDORS(
            "vendors.csv",
            List.of("CODE"),
            List.of(
                    required("CODE", TEXT),
                    required("NAME", TEXT),
                    optional("CURRENCY", CURRENCY),
                    optional("LEAD_TIME_DAYS", NON_NEGATIVE_INTEGER)),
            List.of()),
    VARIANTS(
            "variants.csv",
            List.of("SKU"),
            List.of(
                    required("SKU", TEXT),
                    required("TITLE", TEXT),
                    optional("PRODUCT_CODE", TEXT),
                    optional("PRODUCT_TITLE", TEXT),
                    optional("BARCODE", TEXT),
                    optional("TYPE", VARIANT_TYPE),
                    optional("PRICE", NON_NEGATIVE_DECIMAL),
                    optional("CURRENCY", CURRENCY)),
            List.of()),
    VARIANT_WAREHOUSES(
            "variant_warehouses.csv",
            List.of("SKU", "WAREHOUSE"),
            List.of(
                    required("SKU", TEXT),
                    required("WAREHOUSE", TEXT),
                    required("AVAILABLE", DECIMAL),
                    optional("IN_TRANSIT", NON_NEGATIVE_DECIMAL),
                    optional("MIN_STOCK", NON_NEGATIVE_DECIMAL),
                    optional("MAX_STOCK", NON_NEGATIVE_DECIMAL),
                    optional("LEAD_TIME_DAYS", NON_NEGATIVE_INTEGER),
                    optional("DAYS_OF_STOCK", NON_NEGATIVE_INTEGER)),
            List.of(Reference.variant("SKU"), Reference.warehouse("WAREHOUSE"))),
    VARIANT_VENDORS(
            "variant_vendors.csv",
            List.of("SKU", "VENDOR"),
            List.of(
                    required("SKU", TEXT),
                    required("VENDOR", TEXT),
                    optional("COST", NON_NEGATIVE_DECIMAL),
                    optional("CURRENCY", CURRENCY),
                    optional("MOQ", NON_NEGATIVE_DECIMAL),
                    optional("ORDER_MULTIPLE", POSITIVE_DECIMAL),
                    optional("LEAD_TIME_DAYS", NON_NEGATIVE_INTEGER),
                    optional("VENDOR_REFERENCE", TEXT),
                    optional("PREFERRED", BOOLEAN)),
            List.of(Reference.variant("SKU"), Reference.vendor("VENDOR"))),
    COMPONENTS(
            "components.csv",
            List.of("SKU", "COMPONENT_SKU"),
            List.of(required("SKU", TEXT), required("COMPONENT_SKU", TEXT), required("QUANTITY", POSITIVE_DECIMAL)),
            List.of(Reference.variant("SKU"), Reference.variant("COMPONENT_SKU"))),
    SALES_ORDERS(
            "sales_orders.csv",
            List.of("ORDER_ID", "LINE_ID"),
            List.of(
                    required("ORDER_ID", TEXT),
                    required("LINE_ID", TEXT),
                    required("SKU", TEXT),
                    required("WAREHOUSE", TEXT),
                    optional("KIND", SALES_KIND),
                    required("QUANTITY", DECIMAL),
                    optional("UNIT_PRICE", NON_NEGATIVE_DECIMAL),
                    optional("CURRENCY", CURRENCY),
                    required("ORDERED_AT", INSTANT),
                    optional("CUSTOMER", TEXT),
                    optional("COUNTRY", TEXT)),
            List.of(Reference.variant("SKU"), Reference.warehouse("WAREHOUSE")));

    private final String fileName;
    private final List<String> keys;
    private final List<Column> columns;
    private final List<Reference> references;

    EntityFile(String fileName, List<String> keys, List<Column> columns, List<Reference> references) {
        this.fileName = fileName;
        this.keys = keys;
        List<Column> all = new ArrayList<>(columns);
        // On every file: the source's change time (a newer row wins) and the soft-delete flag.
        all.add(required("UPDATED_AT", INSTANT));
        all.add(required("REMOVED", BOOLEAN));
        this.columns = List.copyOf(all);
        this.references = references;
    }

    static Optional<EntityFile> named(String fileName) {
        return Arrays.stream(values())
                .filter(file -> file.fileName.equals(fileName))
                .findFirst();
    }

    String fileName() {
        return fileName;
    }

    /** The columns that identify a row; each combination may appear once per file. */
    List<String> keys() {
        return keys;
    }

    List<Column> columns() {
        return columns;
    }

    List<Reference> references() {
        return references;
    }

    int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        throw new IllegalArgumentException(fileName + " has no column " + columnName);
    }
}
