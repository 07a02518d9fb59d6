package dev.restock.cli;

import dev.restock.connections.Connections;
import dev.restock.connections.OrderPusher;
import dev.restock.connections.OrderSync;
import dev.restock.connections.PushResult;
import dev.restock.connections.SyncResult;
import dev.restock.orders.Actor;
import dev.restock.orders.StockOrders;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * The demo's last step: save the draft purchase orders to the {@code local} DuckDB connection, let
 * a simulated downstream system (a WMS) take them and receive part of them with plain SQL on the
 * table, then sync and report what came back.
 *
 * <p>DuckDB lets one process at a time open a file for writing, so every operation here opens the
 * file and closes it again, as the push and the sync do.
 */
final class DemoSaveAndSyncStep {

    /** What the step did, as printed and as JSON. */
    record Outcome(
            int ordersSaved,
            int rowsSaved,
            int rowsTakenByWms,
            int rowsPartlyReceived,
            int ordersChanged,
            int linesChanged,
            List<String> saved) {}

    private static final Actor DEMO = Actor.user("demo");

    private final StockOrders orders;
    private final OrderPusher pusher;
    private final OrderSync sync;
    private final Path localFile;
    private final Clock clock;

    DemoSaveAndSyncStep(ApplicationContext context, Path home) {
        this.orders = context.getBean(StockOrders.class);
        this.pusher = context.getBean(OrderPusher.class);
        this.sync = context.getBean(OrderSync.class);
        this.clock = context.getBean(Clock.class);
        this.localFile = home.resolve("local.duckdb");
    }

    Outcome run(List<UUID> draftPurchaseOrders) {
        int rows = 0;
        List<String> saved = new ArrayList<>();
        for (UUID id : draftPurchaseOrders) {
            PushResult result = pusher.push(id, Connections.LOCAL, DEMO);
            rows += (int) result.rows();
            saved.add(orders.get(id).reference());
        }
        int taken = wmsTakesNewOrders();
        int received = wmsReceivesPartOfEachOrder();
        SyncResult synced = sync.sync(Connections.LOCAL);
        return new Outcome(
                draftPurchaseOrders.size(),
                rows,
                taken,
                received,
                synced.ordersChanged(),
                synced.linesChanged(),
                saved);
    }

    /** A WMS picking up new orders: it stamps its own id on rows it has not seen yet. */
    private int wmsTakesNewOrders() {
        return downstream("""
                update "PURCHASE_ORDERS"
                set "EXTERNAL_ID" = 'WMS-' || upper(substr("ID", 1, 8)), "UPDATED_AT" = ?
                where "EXTERNAL_ID" IS NULL
                """, now());
    }

    /**
     * Goods arriving: every other line of each open order is received in half (rounded down to a
     * whole unit, at least one), dated today, and the order becomes PARTIALLY RECEIVED.
     */
    private int wmsReceivesPartOfEachOrder() {
        int lines = downstream("""
                update "PURCHASE_ORDERS"
                set "RECEIVED" = greatest(1, floor("REPLENISHMENT" / 2)), "RECEIVED_DATE" = ?, "UPDATED_AT" = ?
                where "STATUS" = 'OPEN' and cast("LINE_ITEM_ID" as integer) % 2 = 1
                """, now().toLocalDate(), now());
        downstream("""
                update "PURCHASE_ORDERS" set "STATUS" = 'PARTIALLY RECEIVED', "UPDATED_AT" = ?
                where "STATUS" = 'OPEN' and "ID" in (select "ID" from "PURCHASE_ORDERS" where "RECEIVED" > 0)
                """, now());
        return lines;
    }

    /** Runs one statement on the local file, opened for it alone. */
    private int downstream(String sql, Object... parameters) {
        try (java.sql.Connection local = DriverManager.getConnection("jdbc:duckdb:" + localFile);
                PreparedStatement statement = local.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The simulated WMS could not update " + localFile + ": " + e.getMessage(), e);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
