package dev.restock.ingest.retail;

import dev.restock.store.CopyWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
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

    private final JdbcClient jdbc;

    RetailSalesWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One import's stream of lines. Not thread-safe. */
    final class Session implements AutoCloseable {

        private final boolean bulk;
        private final CopyWriter copy;
        private final ZoneRules rules;
        private final String currency;

        private Session(boolean bulk, CopyWriter copy, RetailAttributes attributes) {
            this.bulk = bulk;
            this.copy = copy;
            this.rules = ZoneId.of(attributes.timeZone()).getRules();
            this.currency = attributes.currency();
        }

        void add(RetailLine line, String lineRef, long variantId, long warehouseId, String kind) throws SQLException {
            copy.value(OnlineRetailImporter.SOURCE)
                    .value(line.invoice())
                    .value(lineRef)
                    .value(variantId)
                    .value(warehouseId)
                    .value(kind)
                    .value(line.quantity().toPlainString())
                    .value(line.unitPrice().toPlainString())
                    .value(currency)
                    .value(withOffset(line.invoiceTime(), rules))
                    .value(line.customer())
                    .value(line.country());
            copy.endRow();
        }

        void finishCopy() throws SQLException {
            copy.finish();
        }

        /** True when this is the bulk load of an empty {@code sales_lines}. */
        boolean isBulk() {
            return bulk;
        }

        /** After the variants exist: the key back, or the difference applied. Lines written. */
        long complete() {
            if (bulk) {
                restoreKey();
                return jdbc.sql("select count(*) from sales_lines where source = ?")
                        .param(OnlineRetailImporter.SOURCE)
                        .query(Long.class)
                        .single();
            }
            jdbc.sql("analyze retail_lines").update();
            return updateChanged() + insertNew();
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
            return new Session(true, CopyWriter.open(connection, "sales_lines", COLUMNS), attributes);
        }
        try (var statement = connection.createStatement()) {
            statement.execute(
                    "create temporary table retail_lines (like sales_lines including defaults) on commit drop");
        }
        return new Session(false, CopyWriter.open(connection, "retail_lines", COLUMNS), attributes);
    }

    /**
     * The store's local time with its UTC offset (ISO-8601, which PostgreSQL reads); cheaper than
     * converting and formatting each time in UTC. In the hour that repeats when clocks go back,
     * the earlier offset is taken.
     */
    static String withOffset(LocalDateTime local, ZoneRules rules) {
        char[] text = new char[19];
        digits(text, 0, 4, local.getYear());
        text[4] = '-';
        digits(text, 5, 2, local.getMonthValue());
        text[7] = '-';
        digits(text, 8, 2, local.getDayOfMonth());
        text[10] = ' ';
        digits(text, 11, 2, local.getHour());
        text[13] = ':';
        digits(text, 14, 2, local.getMinute());
        text[16] = ':';
        digits(text, 17, 2, local.getSecond());
        return new String(text) + rules.getOffset(local).getId();
    }

    private static void digits(char[] text, int from, int count, int value) {
        for (int i = from + count - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The table is empty; truncating it anyway lets PostgreSQL skip WAL for the COPY that follows
     * in this transaction (when wal_level is minimal, as in the embedded server).
     */
    private void dropKey() {
        jdbc.sql("truncate sales_lines").update();
        jdbc.sql("alter table sales_lines drop constraint sales_lines_pkey").update();
    }

    private void restoreKey() {
        jdbc.sql("alter table sales_lines add constraint sales_lines_pkey primary key (order_ref, line_ref, source)")
                .update();
    }

    private long updateChanged() {
        return jdbc.sql("""
                update sales_lines t
                set variant_id = s.variant_id, warehouse_id = s.warehouse_id, kind = s.kind, quantity = s.quantity,
                    unit_price = s.unit_price, currency = s.currency, sold_at = s.sold_at,
                    customer_ref = s.customer_ref, country = s.country, removed = false, updated_at = now()
                from retail_lines s
                where t.source = s.source and t.order_ref = s.order_ref and t.line_ref = s.line_ref
                  and (t.variant_id, t.warehouse_id, t.kind, t.quantity, t.unit_price, t.currency, t.sold_at,
                       t.customer_ref, t.country, t.removed)
                      is distinct from
                      (s.variant_id, s.warehouse_id, s.kind, s.quantity, s.unit_price, s.currency, s.sold_at,
                       s.customer_ref, s.country, false)
                """).update();
    }

    private long insertNew() {
        return jdbc.sql("insert into sales_lines (" + COLUMNS + ") select " + COLUMNS + " from retail_lines s"
                        + " where not exists (select 1 from sales_lines t where t.source = s.source"
                        + " and t.order_ref = s.order_ref and t.line_ref = s.line_ref)")
                .update();
    }
}
