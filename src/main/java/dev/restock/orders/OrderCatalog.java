package dev.restock.orders;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the warehouses and vendors a new order names by code, as users write them. An unknown code
 * is a refused create ({@link StockOrderException}: 422 in the API, like an unknown SKU), not a
 * missing resource: the request's URL names no warehouse or vendor.
 */
@Component
public class OrderCatalog {

    private final JdbcClient jdbc;

    public OrderCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the warehouse with {@code code}, compared without regard to case. */
    public long warehouseId(String code) {
        return id("warehouses", "warehouse", code);
    }

    /** The id of the vendor with {@code code}, compared without regard to case. */
    public long vendorId(String code) {
        return id("vendors", "vendor", code);
    }

    private long id(String table, String what, String code) {
        record Found(long id, boolean removed) {}
        Found found = jdbc.sql("select id, removed from " + table + " where upper(code) = upper(?)"
                        + " order by removed, id limit 1")
                .param(code)
                .query((row, number) -> new Found(row.getLong(1), row.getBoolean(2)))
                .optional()
                .orElseThrow(() -> new StockOrderException("There is no " + what + " with code '" + code
                        + "'. Nothing was created; import the catalog or check the code."));
        if (found.removed()) {
            throw new StockOrderException("The " + what + " '" + code + "' is removed from the catalog (an import"
                    + " marked it REMOVED=true). Nothing was created; import it again with REMOVED=false to order"
                    + " for it.");
        }
        return found.id();
    }
}
