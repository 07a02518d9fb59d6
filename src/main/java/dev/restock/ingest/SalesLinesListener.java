package dev.restock.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an importer tells the capability that derives tables from sales lines (daily demand),
 * inside the import's transaction, so derived tables never disagree with the lines. It lets
 * ingest stay upstream: the sales capability implements this, ingest only calls it.
 */
public interface SalesLinesListener {

    /**
     * A bulk load into an empty {@code sales_lines} starts, and every line will stream past
     * {@link LineWatcher#line}: deriving from them as they pass saves a second pass over the
     * table. Lines' days must be the warehouses' calendar days.
     */
    LineWatcher watchBulkLoad();

    /**
     * The import changed sales lines or warehouses. {@code watched} is the watcher of a bulk
     * load that saw every line, or null, in which case everything is derived again from the
     * table. Returns the number of rows derived.
     */
    int salesChanged(LineWatcher watched);

    /** Sees each line of a bulk load. Not thread-safe; called by the importing thread. */
    interface LineWatcher {
        void line(
                long variantId,
                long warehouseId,
                LocalDate day,
                String kind,
                BigDecimal quantity,
                BigDecimal unitPrice);

        /**
         * Every line has passed, and none follows. The watcher may start preparing what it
         * derives on a thread of its own (touching no database), while the importer writes the
         * rest; {@link SalesLinesListener#salesChanged} collects it.
         */
        void allLinesSeen();
    }
}
