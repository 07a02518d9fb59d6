package dev.restock.connections;

import dev.restock.RestockException;
import dev.restock.orders.DownstreamOrder;
import dev.restock.orders.OrderSyncWriter;
import dev.restock.orders.StockOrder;
import dev.restock.orders.SyncOutcome;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Brings downstream changes back (DESIGN.md, "Sync"): reads the rows of every saved order of a
 * connection that is neither closed nor cancelled, a batch of ids per query, and applies what
 * differs through {@link OrderSyncWriter}: each batch is compared without a lock, and only its
 * orders with something to apply are locked, compared again and applied, in one Restock
 * transaction. If that transaction fails, they are applied one transaction each, so an order
 * that fails to apply is left unchanged, its problem recorded, and the pass goes on with the
 * others. An order with nothing to apply is not written; the time each completed pass over a
 * table began is kept in {@code sync_cursors} instead ({@link SyncCursors}), and is when such an
 * order was last confirmed ({@link OrderSyncWriter.SyncStatus#syncedAt()}).
 *
 * <p>A connection whose tables maintain UPDATED_AT ({@link Connection#updatedAtMaintained()}) is
 * read by cursor: first the largest UPDATED_AT of the table (the next cursor), then the ids of
 * rows with UPDATED_AT at or after the stored cursor less an overlap window, and only those orders
 * (plus orders saved since the last pass) are read whole and applied. The overlap covers clock
 * skew between the writers and rows committed late; re-reading a row is harmless, because
 * applying is idempotent. Deleted rows leave no UPDATED_AT behind, so every
 * {@code fullPassEvery} a full pass reads every open order again. Other connections get a full
 * pass every time, which is always correct. The scheduled job is {@link SyncJobs}. Thread-safe.
 */
@Service
public class OrderSync {

    private static final Logger log = LoggerFactory.getLogger(OrderSync.class);

    /** Ids per SELECT: few round trips, and far below every driver's bind limit. */
    static final int BATCH_SIZE = 500;

    /**
     * @param batchSize ids per SELECT
     * @param overlap how far before the cursor a pass by cursor reads again
     * @param fullPassEvery how often a connection read by cursor still gets a full pass
     */
    record Settings(int batchSize, Duration overlap, Duration fullPassEvery) {}

    private final Connections connections;
    private final OrderSyncWriter writer;
    private final ConnectionOpener opener;
    private final SyncCursors cursors;
    private final Clock clock;
    private final Settings settings;

    @Autowired
    OrderSync(
            Connections connections,
            OrderSyncWriter writer,
            ConnectionOpener opener,
            SyncCursors cursors,
            Clock clock,
            @Value("${restock.sync.cursor-overlap:PT10M}") Duration overlap,
            @Value("${restock.sync.full-pass-every:PT1H}") Duration fullPassEvery) {
        this(connections, writer, opener, cursors, clock, new Settings(BATCH_SIZE, overlap, fullPassEvery));
    }

    /** For tests: batches of a few orders, a clock of their own. */
    OrderSync(
            Connections connections,
            OrderSyncWriter writer,
            ConnectionOpener opener,
            SyncCursors cursors,
            Clock clock,
            Settings settings) {
        this.connections = connections;
        this.writer = writer;
        this.opener = opener;
        this.cursors = cursors;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * One sync pass over a connection.
     *
     * @throws ConnectionException if the connection is unknown, cannot be reached, or a table
     *     cannot be read; orders applied before the failure stay applied
     */
    public SyncResult sync(String connectionName) {
        Connection connection = connections.get(connectionName);
        List<StockOrder> orders = writer.syncable(connection.name());
        Tally tally = new Tally(connection.name());
        try (java.sql.Connection jdbc = open(connection)) {
            for (Map.Entry<String, List<StockOrder>> table :
                    byTable(connection, orders).entrySet()) {
                syncTable(jdbc, connection, table.getKey(), table.getValue(), tally);
            }
        } catch (SQLException e) {
            throw new ConnectionException(
                    "Sync of connection '" + connection.name() + "' stopped: could not read its"
                            + " table (" + opener.describe(connection, e) + "). Orders applied before stay applied; run"
                            + " `restock connections test " + connection.name() + "` to check the table.",
                    e);
        }
        SyncResult result = tally.result();
        log.info(
                "Synced connection '{}' ({}): {} orders checked, {} changed, {} lines changed, {} problems",
                result.connection(),
                result.fullPass() ? "full pass" : "by UPDATED_AT cursor",
                result.ordersChecked(),
                result.ordersChanged(),
                result.linesChanged(),
                result.problems().size());
        return result;
    }

    private java.sql.Connection open(Connection connection) {
        try {
            return opener.open(connection);
        } catch (SQLException e) {
            throw new ConnectionException(
                    "Could not reach connection '" + connection.name() + "': "
                            + opener.describe(connection, e) + ". None of its orders were synced. Check "
                            + ConnectionOpener.whatToCheck(connection) + " with `restock connections test "
                            + connection.name() + "`.",
                    e);
        }
    }

    private static Map<String, List<StockOrder>> byTable(Connection connection, List<StockOrder> orders) {
        return orders.stream()
                .collect(Collectors.groupingBy(
                        order -> connection.tableFor(order.type()), LinkedHashMap::new, Collectors.toList()));
    }

    private void syncTable(
            java.sql.Connection jdbc, Connection connection, String table, List<StockOrder> orders, Tally tally)
            throws SQLException {
        SyncReader reader = new SyncReader(jdbc, connection, table);
        Instant now = clock.instant();
        boolean byCursor = connection.updatedAtMaintained() && reader.hasUpdatedAt();
        Optional<SyncCursors.Cursor> cursor = byCursor ? cursors.find(connection.name(), table) : Optional.empty();
        // Taken before reading: a row changed while this pass reads is at or after it.
        Instant nextCursor = byCursor ? reader.maxUpdatedAt() : null;
        boolean full = cursor.map(this::fullPassDue).orElse(true);
        List<StockOrder> toRead = full ? orders : changedSince(reader, cursor.get(), orders);
        tally.fullPass &= full;

        Map<UUID, StockOrder> byId = toRead.stream()
                .collect(Collectors.toMap(StockOrder::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<UUID> ids = List.copyOf(byId.keySet());
        List<List<UUID>> batches = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += settings.batchSize()) {
            batches.add(ids.subList(start, Math.min(start + settings.batchSize(), ids.size())));
        }
        // The next batch is read from the connection while this one is applied in Restock's own
        // database: two databases, so the two waits overlap. Reads stay in order, one at a time,
        // on one thread; closing the executor waits for a read in flight, so the connection is
        // never closed under it.
        try (ExecutorService reading = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("restock-sync-read").daemon().factory())) {
            Future<List<DownstreamOrder>> next =
                    batches.isEmpty() ? null : reading.submit(readBatch(reader, batches.get(0)));
            for (int i = 0; i < batches.size(); i++) {
                List<DownstreamOrder> read = await(next);
                next = i + 1 < batches.size() ? reading.submit(readBatch(reader, batches.get(i + 1))) : null;
                Map<UUID, SyncOutcome> applied = applyAll(connection, byId, read);
                for (DownstreamOrder downstream : read) {
                    StockOrder order = byId.get(downstream.orderId());
                    tally.add(order, applied.getOrDefault(order.id(), new SyncOutcome(0, 0, List.of())));
                }
            }
        }
        // Stored for every table, read by cursor or not: its orders with nothing to apply were not
        // written, and the time this pass began is when they were last confirmed.
        Instant kept = nextCursor != null
                ? nextCursor
                : cursor.map(SyncCursors.Cursor::updatedAt).orElse(null);
        cursors.store(connection.name(), table, kept, full ? now : null, now, clock.instant());
    }

    private static Callable<List<DownstreamOrder>> readBatch(SyncReader reader, List<UUID> batch) {
        return () -> {
            log.debug("Reading {} orders from table '{}'", batch.size(), reader.table());
            return reader.read(batch);
        };
    }

    /** The batch read on the reading thread, or the failure that reading it met. */
    private static List<DownstreamOrder> await(Future<List<DownstreamOrder>> read) throws SQLException {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("Sync was interrupted while reading; orders applied before stay applied.", e);
        }
    }

    private boolean fullPassDue(SyncCursors.Cursor cursor) {
        return cursor.updatedAt() == null
                || cursor.lastFullPass() == null
                || !cursor.lastFullPass().plus(settings.fullPassEvery()).isAfter(clock.instant());
    }

    /** Orders with a row changed since the cursor (less the overlap), or saved since the last pass. */
    private List<StockOrder> changedSince(SyncReader reader, SyncCursors.Cursor cursor, List<StockOrder> orders)
            throws SQLException {
        Set<String> changed = reader.idsChangedSince(cursor.updatedAt().minus(settings.overlap()));
        Instant savedSince = cursor.lastPass().minus(settings.overlap());
        return orders.stream()
                .filter(order -> changed.contains(order.id().toString())
                        || (order.savedAt() != null && !order.savedAt().isBefore(savedSince)))
                .toList();
    }

    /**
     * Compares a batch without a lock and applies only the orders with something to apply, in one
     * transaction; if that fails, they are applied one transaction each, so that one order Restock
     * cannot take (say a negative quantity) leaves only itself unchanged.
     */
    private Map<UUID, SyncOutcome> applyAll(
            Connection connection, Map<UUID, StockOrder> byId, List<DownstreamOrder> read) {
        OrderSyncWriter.Check check = writer.check(connection.name(), read);
        Map<UUID, SyncOutcome> outcomes = new LinkedHashMap<>(check.unchanged());
        try {
            outcomes.putAll(writer.applyAll(connection.name(), check.toApply()));
            return outcomes;
        } catch (RuntimeException e) {
            log.debug(
                    "Applying {} orders from '{}' together failed ({}); applying them one by one",
                    check.toApply().size(),
                    connection.name(),
                    rootMessage(e));
        }
        for (DownstreamOrder downstream : check.toApply()) {
            StockOrder order = byId.get(downstream.orderId());
            outcomes.put(order.id(), apply(connection, order, downstream));
        }
        return outcomes;
    }

    private SyncOutcome apply(Connection connection, StockOrder order, DownstreamOrder downstream) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("orderId", order.id().toString())) {
            return writer.apply(connection.name(), downstream);
        } catch (RuntimeException e) {
            String problem = "applying its rows failed (" + rootMessage(e) + "); the order was left unchanged";
            writer.recordFailure(order.id(), problem);
            // INFO: the problem is in the pass's result, which its caller reports (the sync command
            // prints it, the scheduled job warns of it); a WARN here would show it twice.
            log.info("Sync of order '{}' from '{}': {}", order.reference(), connection.name(), problem);
            return new SyncOutcome(0, 0, List.of(problem));
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + RestockException.clause(root.getMessage());
    }

    /** Counts of one pass. Not thread-safe; one per pass. */
    private static final class Tally {
        private final String connection;
        private final List<SyncResult.Problem> problems = new ArrayList<>();
        private int checked;
        private int changed;
        private int lines;
        private boolean fullPass = true;

        Tally(String connection) {
            this.connection = connection;
        }

        void add(StockOrder order, SyncOutcome outcome) {
            checked++;
            changed += outcome.changed() ? 1 : 0;
            lines += outcome.linesChanged();
            outcome.problems().forEach(problem -> problems.add(new SyncResult.Problem(order.reference(), problem)));
        }

        SyncResult result() {
            return new SyncResult(connection, checked, changed, lines, fullPass, problems);
        }
    }
}
