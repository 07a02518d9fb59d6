package dev.restock.ingest.entities;

/**
 * A column that names a row of another entity by its code or SKU, which must exist in the
 * database by the time the file is applied (earlier files of the same folder are applied first).
 *
 * @param column the referring column, e.g. {@code WAREHOUSE}
 * @param table the table referred to, e.g. {@code warehouses}
 * @param key the unique column of that table, e.g. {@code code}
 * @param noun what the user calls the row, e.g. {@code warehouse}
 * @param file the entity file where such rows come from
 */
record Reference(String column, String table, String key, String noun, String file) {

    static Reference variant(String column) {
        return new Reference(column, "variants", "sku", "variant", "variants.csv");
    }

    static Reference warehouse(String column) {
        return new Reference(column, "warehouses", "code", "warehouse", "warehouses.csv");
    }

    static Reference vendor(String column) {
        return new Reference(column, "vendors", "code", "vendor", "vendors.csv");
    }
}
