package dev.restock.ingest.retail;

import dev.restock.store.CopyWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the sales lines of an Online Retail file while it is read, keyed by (source, invoice,
 * line in invoice).
 *
 * <p>An import into an empty {@code sales_lines} (the first import of a store) copies lines
 * straight into it, with its primary key dropped and added back at the end: PostgreSQL's own
 * advice for populating a table, since an index built once from sorted keys costs several times
 * less than one maintained row by row. Later imports copy into a temporary table and
 * then apply only the difference (changed lines updated, new lines inserted), so re-importing the
 * same file writes nothing. Everything happens in the import's transaction.
 */
@Component
class RetailSalesWriter {

    private static final Logger log = LoggerFactory.getLogger(RetailSalesWriter.class);
    private static final String COLUMNS = "source, order_ref, line_ref, variant_id, warehouse_id, kind, quantity,"
            + " unit_price, currency, sold_at, customer_ref, country";

    /**
     * A bulk load leaves out the two columns that are the same on every line of the file: the
     * server fills them from defaults set for the load's transaction. The server's work per field
     * is most of the load's time.
     */
    private static final String BULK_COLUMNS =
            "order_ref, line_ref, variant_id, warehouse_id, kind, quantity, unit_price, sold_at, customer_ref, country";

    /** A stored line {@code t} differs from the file's line {@code s} of the same key. */
    private static final String DIFFERS = """
            (t.variant_id, t.warehouse_id, t.kind, t.quantity, t.unit_price, t.currency, t.sold_at,
             t.customer_ref, t.country, t.removed)
            is distinct from
            (s.variant_id, s.warehouse_id, s.kind, s.quantity, s.unit_price, s.currency, s.sold_at,
             s.customer_ref, s.country, false)
            """;

    private static final byte[] SOURCE_UTF8 = OnlineRetailImporter.SOURCE.getBytes(StandardCharsets.UTF_8);

    /**
     * After {@link Session#finishCopy()} of a later import: a temporary table of the ids of the
     * variants that have at least one new or changed line in the file. A bulk load has none, as
     * every line in it is new.
     */
    static final String CHANGED_VARIANTS = "retail_changed_variants";

    /** What a bulk load sets {@code backend_flush_after} to: PostgreSQL's maximum. */
    static final String BULK_FLUSH_AFTER = "2MB";

    private final JdbcClient jdbc;

    /**
     * The UTF-8 bytes of the last value asked for: a line mostly repeats the previous line's
     * invoice, customer, country and kind, so most lines encode none of them again.
     */
    private static final class Utf8Cache {
        private String value;
        private byte[] bytes;

        byte[] of(String next) {
            if (next == null) {
                return null;
            }
            if (!next.equals(value)) {
                value = next;
                bytes = next.getBytes(StandardCharsets.UTF_8);
            }
            return bytes;
        }
    }

    RetailSalesWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One import's stream of lines. Not thread-safe. */
    final class Session implements AutoCloseable {

        private final boolean bulk;
        private final CopyWriter copy;
        private final DayOffsets offsets;
        private final byte[] currency;
        private final Utf8Cache kinds = new Utf8Cache();
        private final Utf8Cache invoices = new Utf8Cache();
        private final Utf8Cache customers = new Utf8Cache();
        private final Utf8Cache countries = new Utf8Cache();
        private long copied;

        private Session(boolean bulk, CopyWriter copy, RetailAttributes attributes) {
            this.bulk = bulk;
            this.copy = copy;
            this.offsets = new DayOffsets(ZoneId.of(attributes.timeZone()).getRules());
            this.currency = attributes.currency().getBytes(StandardCharsets.UTF_8);
        }

        /** Stores the store's local time in UTC, to the second as the files write it. */
        void add(RetailLine line, String lineRef, long variantId, long warehouseId, String kind) throws SQLException {
            LocalDateTime time = line.invoiceTime();
            if (!bulk) {
                copy.utf8(SOURCE_UTF8);
            }
            copy.utf8(invoices.of(line.invoice()))
                    .text(lineRef)
                    .bigint(variantId)
                    .bigint(warehouseId)
                    .utf8(kinds.of(kind))
                    .numeric(line.quantity())
                    .numeric(line.unitPrice());
            if (!bulk) {
                copy.utf8(currency);
            }
            copy.timestamptz(time.toEpochSecond(offsets.of(time)), 0)
                    .utf8(customers.of(line.customer()))
                    .utf8(countries.of(line.country()));
            copy.endRow();
        }

        /**
         * Finishes the copy; a later import then notes in {@link #CHANGED_VARIANTS} the variants
         * with a line that is new or differs from the stored one, before the catalog is written.
         */
        void finishCopy() throws SQLException {
            copied = copy.finish();
            if (!bulk) {
                jdbc.sql("analyze retail_lines").update();
                noteChangedVariants();
            }
        }

        /** True when this is the bulk load of an empty {@code sales_lines}. */
        boolean isBulk() {
            return bulk;
        }

        /** After the variants exist: the key back, or the difference applied. Lines written. */
        long complete() {
            if (bulk) {
                restoreKey();
                return copied; // into a table that was empty
            }
            return updateChanged() + insertNew();
        }

        /**
         * After {@link #complete()}: the stored lines of the file's invoices that the file no
         * longer has, marked removed (kept as history, no longer demand). None in a bulk load.
         */
        long removeMissing() {
            return bulk ? 0 : markMissingRemoved();
        }

        @Override
        public void close() throws SQLException {
            copy.close();
        }
    }

    Session begin(Connection connection, RetailAttributes attributes) throws SQLException {
        // Imports take turns (this lock mode conflicts with itself and with other writers, not
        // with readers), so no other import can slip lines in between the check and the load.
        jdbc.sql("lock table sales_lines in share row exclusive mode").update();
        boolean empty = jdbc.sql("select not exists (select 1 from sales_lines)")
                .query(Boolean.class)
                .single();
        if (empty) {
            log.debug("Bulk load: copying straight into the empty sales_lines");
            dropKey();
            setConstantColumns(attributes.currency());
            return new Session(true, CopyWriter.open(connection, "sales_lines", BULK_COLUMNS), attributes);
        }
        try (var statement = connection.createStatement()) {
            statement.execute(
                    "create temporary table retail_lines (like sales_lines including defaults) on commit drop");
        }
        return new Session(false, CopyWriter.open(connection, "retail_lines", COLUMNS), attributes);
    }

    /**
     * The table is empty; truncating it anyway lets PostgreSQL skip WAL for the COPY that follows
     * in this transaction (when wal_level is minimal, as in the embedded server).
     */
    private void dropKey() {
        jdbc.sql("truncate sales_lines").update();
        jdbc.sql("alter table sales_lines drop constraint sales_lines_pkey").update();
        writeBackAsItGoes();
    }

    /**
     * Without WAL, the commit of a bulk load must fsync every file the transaction filled (about
     * 125 MB for the full data set), and the kernel would otherwise keep them all in its cache
     * until then. Asking it to write back each 2 MB the backend writes (the most PostgreSQL
     * allows) spreads the writing over the load, while the disk is idle: the commit went from
     * about 310 to 190 ms (docs/performance.md). Only for this transaction.
     */
    private void writeBackAsItGoes() {
        jdbc.sql("set local backend_flush_after = '" + BULK_FLUSH_AFTER + "'").update();
    }

    /** The columns {@link #BULK_COLUMNS} leaves out, as defaults until {@link #restoreKey()}. */
    private void setConstantColumns(String currency) {
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("The store's currency must be an ISO 4217 code, not '" + currency + "'");
        }
        jdbc.sql("alter table sales_lines alter column source set default '" + OnlineRetailImporter.SOURCE
                        + "', alter column currency set default '" + currency + "'")
                .update();
    }

    private void restoreKey() {
        jdbc.sql("alter table sales_lines alter column source drop default, alter column currency drop default")
                .update();
        long started = System.nanoTime();
        jdbc.sql("alter table sales_lines add constraint sales_lines_pkey primary key (order_ref, line_ref, source)")
                .update();
        log.debug("Built the key of sales_lines in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Compares the file's lines with the stored ones in one pass (a full join on the key) into
     * {@code retail_compared}: the lines that are new ({@code is_new}) or differ, which {@link
     * #insertNew()} and {@link #updateChanged()} then apply, and the stored lines of the file's
     * invoices that the file no longer has ({@code is_missing}), which {@link
     * #markMissingRemoved()} marks removed; the variants of both go to {@link #CHANGED_VARIANTS}.
     *
     * <p>An invoice in the file is the whole invoice: a stored line of it at a position the file
     * no longer has (a line taken out, or the file's lines shifted back) is no longer a sale.
     */
    private void noteChangedVariants() {
        jdbc.sql("create temporary table retail_compared on commit drop as"
                        + " select s.*, t.source is null as is_new, s.source is null as is_missing,"
                        + " t.source as stored_source, t.order_ref as stored_order_ref, t.line_ref as stored_line_ref,"
                        + " t.variant_id as stored_variant_id"
                        + " from retail_lines s full join sales_lines t on t.source = s.source"
                        + " and t.order_ref = s.order_ref and t.line_ref = s.line_ref"
                        + " where t.source is null"
                        + " or (s.source is null and t.source = '" + OnlineRetailImporter.SOURCE + "' and not t.removed"
                        + " and t.order_ref in (select order_ref from retail_lines))"
                        + " or (s.source is not null and " + DIFFERS + ")")
                .update();
        jdbc.sql("create temporary table " + CHANGED_VARIANTS + " on commit drop as"
                        // a changed line's variant now and before: a line that moved from one SKU to
                        // another changes what both were sold at
                        + " select variant_id from retail_compared where not is_missing"
                        + " union select stored_variant_id from retail_compared where stored_variant_id is not null")
                .update();
    }

    private long markMissingRemoved() {
        return jdbc.sql("""
                update sales_lines t set removed = true, updated_at = now()
                from retail_compared m
                where m.is_missing
                  and t.source = m.stored_source and t.order_ref = m.stored_order_ref and t.line_ref = m.stored_line_ref
                """).update();
    }

    private long updateChanged() {
        return jdbc.sql("""
                update sales_lines t
                set variant_id = s.variant_id, warehouse_id = s.warehouse_id, kind = s.kind, quantity = s.quantity,
                    unit_price = s.unit_price, currency = s.currency, sold_at = s.sold_at,
                    customer_ref = s.customer_ref, country = s.country, removed = false, updated_at = now()
                from retail_compared s
                where not s.is_new and not s.is_missing
                  and t.source = s.source and t.order_ref = s.order_ref and t.line_ref = s.line_ref
                """).update();
    }

    private long insertNew() {
        return jdbc.sql("insert into sales_lines (" + COLUMNS + ") select " + COLUMNS
                        + " from retail_compared where is_new")
                .update();
    }
}
