package dev.restock.wmsbridge;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Forwards orders to the WMS, one at a time on one worker thread, in the order they were asked
 * for. Webhooks and the poll both just name an order id; the table says what to send.
 *
 * <p>Why this is safe with two bridges running and a crash at any point:
 *
 * <ol>
 *   <li>Rows that already have an EXTERNAL_ID are skipped, so a finished order is not sent again.
 *   <li>Two bridges may still both send an order they read at the same moment, or a bridge may
 *       die after the WMS took the order but before the UPDATE. The WMS call carries Restock's
 *       order id as idempotency key, so the WMS answers the repeat with the order it already has.
 *   <li>EXTERNAL_ID is set only after the WMS has answered, so a crash before that leaves the
 *       order for the next poll, here or on the other bridge: none is forgotten.
 * </ol>
 *
 * Thread-safe.
 */
final class OrderForwarder implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("wms-bridge");

    private final OrderTable table;
    private final Wms wms;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "forwarder"));
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    OrderForwarder(OrderTable table, Wms wms) {
        this.table = table;
        this.wms = wms;
    }

    /** Queues an order unless it is queued already; returns at once. */
    void submit(String orderId) {
        if (queued.add(orderId)) {
            worker.execute(() -> {
                queued.remove(orderId);
                forwardQuietly(orderId);
            });
        }
    }

    /**
     * Forwards the order if it has rows without an EXTERNAL_ID; returns whether it did. One
     * short session covers the read, the WMS call and the UPDATE: opening a DuckDB file costs
     * tens of milliseconds, and the WMS answers in a few.
     */
    boolean forward(String orderId) throws Exception {
        try (OrderTable.Session session = table.open()) {
            List<OrderRow> rows = session.unforwardedRows(orderId);
            if (rows.isEmpty()) {
                return false; // forwarded already (here or by another bridge), or not in this table
            }

            String externalId = wms.createOrder(orderId, WmsOrder.fromRows(rows));

            int updated = session.markForwarded(orderId, externalId);
            LOG.log(
                    Level.INFO,
                    "Forwarded order ''{0}'' ({1}, {2} lines) to the WMS as ''{3}''; {4} rows updated",
                    orderId,
                    rows.getFirst().reference(),
                    rows.size(),
                    externalId,
                    updated);
            return true;
        }
    }

    private void forwardQuietly(String orderId) {
        try {
            forward(orderId);
        } catch (Exception e) {
            LOG.log(
                    Level.WARNING,
                    "Could not forward order ''{0}'': {1}. The next poll tries again.",
                    orderId,
                    e.toString());
        }
    }

    /** Stops at once: an order being forwarded is abandoned, as in a crash; the poll picks it up. */
    @Override
    public void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
