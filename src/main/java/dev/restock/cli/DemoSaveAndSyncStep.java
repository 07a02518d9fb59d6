package dev.restock.cli;

import dev.restock.RestockException;
import dev.restock.connections.ConnectionOpener;
import dev.restock.connections.Connections;
import dev.restock.connections.OrderPusher;
import dev.restock.connections.OrderSync;
import dev.restock.connections.PushResult;
import dev.restock.connections.SyncResult;
import dev.restock.orders.Actor;
import dev.restock.orders.StockOrders;
import dev.restock.webhooks.SubscriptionSecret;
import dev.restock.webhooks.WebhookDelivery;
import dev.restock.webhooks.WebhookSubscriptions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

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
            String downstream,
            int ordersSaved,
            int rowsSaved,
            int webhooksDelivered,
            int ordersTakenByWms,
            int rowsTakenByWms,
            int rowsPartlyReceived,
            int ordersChanged,
            int linesChanged,
            List<String> saved) {

        static Outcome nothingToSave() {
            return new Outcome("none", 0, 0, 0, 0, 0, 0, 0, 0, List.of());
        }
    }

    /** How long the demo waits for the bridge to take the orders and record the receipts. */
    private static final Duration BRIDGE_WAIT = Duration.ofSeconds(90);

    private static final Actor DEMO = Actor.user("demo");

    private final StockOrders orders;
    private final OrderPusher pusher;
    private final OrderSync sync;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDelivery delivery;
    private final Connections connections;
    private final ConnectionOpener opener;
    private final Path home;
    private final Path localFile;
    private final Clock clock;

    DemoSaveAndSyncStep(ApplicationContext context, Path home) {
        this.orders = context.getBean(StockOrders.class);
        this.pusher = context.getBean(OrderPusher.class);
        this.sync = context.getBean(OrderSync.class);
        this.subscriptions = context.getBean(WebhookSubscriptions.class);
        this.delivery = context.getBean(WebhookDelivery.class);
        this.connections = context.getBean(Connections.class);
        this.opener = context.getBean(ConnectionOpener.class);
        this.clock = context.getBean(Clock.class);
        this.home = home;
        this.localFile = home.resolve("local.duckdb");
    }

    /**
     * Saves the drafts and brings the downstream changes back: through the WMS bridge of the
     * examples when its jar is built ({@code bridgeJar}), else through a WMS simulated here with
     * plain SQL on the table.
     */
    Outcome run(List<UUID> draftPurchaseOrders, Optional<Path> bridgeJar) {
        if (draftPurchaseOrders.isEmpty()) {
            return Outcome.nothingToSave();
        }
        if (bridgeJar.isPresent()) {
            return runWithBridge(draftPurchaseOrders, bridgeJar.get());
        }
        List<String> saved = new ArrayList<>();
        int rows = save(draftPurchaseOrders, saved);
        int taken = wmsTakesNewOrders();
        int received = wmsReceivesPartOfEachOrder();
        SyncResult synced = sync.sync(Connections.LOCAL);
        return new Outcome(
                "simulated in the demo",
                draftPurchaseOrders.size(),
                rows,
                0,
                draftPurchaseOrders.size(),
                taken,
                received,
                synced.ordersChanged(),
                synced.linesChanged(),
                saved);
    }

    private int save(List<UUID> drafts, List<String> saved) {
        int rows = 0;
        for (UUID id : drafts) {
            PushResult result = pusher.push(id, Connections.LOCAL, DEMO);
            rows += (int) result.rows();
            saved.add(orders.get(id).reference());
        }
        return rows;
    }

    /**
     * The whole loop with the reference integration: a webhook subscription for the bridge, the
     * save, the {@code stock_order.saved} webhooks delivered, the bridge forwarding each order to
     * its WMS and writing {@code EXTERNAL_ID}; then deliveries arrive at the WMS, the bridge
     * writes the receipts into the table, the bridge stops, and sync brings it all back.
     */
    private Outcome runWithBridge(List<UUID> drafts, Path jar) {
        int port = DemoBridge.freePort();
        SubscriptionSecret subscription = subscriptions.add(
                DemoBridge.webhookUrl(port).toString(), List.of("stock_order.*"), null, "demo: examples/wms-bridge");
        List<String> saved = new ArrayList<>();
        int rows;
        int webhooks;
        int wmsOrders;
        int received;
        try (DemoBridge bridge =
                DemoBridge.start(jar, localFile, port, subscription.secret(), home.resolve("wms-bridge.log"))) {
            rows = save(drafts, saved);
            webhooks = delivery.deliverDueNow();
            await(() -> bridge.wmsOrders().size() >= drafts.size(), "the WMS to take the saved orders");
            await(() -> count("\"EXTERNAL_ID\" is null") == 0, "the bridge to write EXTERNAL_ID on every row");
            wmsOrders = bridge.wmsOrders().size();
            received = deliveriesArrive(bridge);
            int expected = received;
            await(() -> count("\"RECEIVED\" > 0") >= expected, "the bridge to record the receipts");
        } finally {
            // The bridge is gone after the demo: a subscription left pointing at it would only
            // collect deliveries that can never succeed.
            subscriptions.remove(subscription.id());
        }
        SyncResult synced = sync.sync(Connections.LOCAL);
        return new Outcome(
                "examples/wms-bridge",
                drafts.size(),
                rows,
                webhooks,
                wmsOrders,
                rows - count("\"EXTERNAL_ID\" is null"),
                received,
                synced.ordersChanged(),
                synced.linesChanged(),
                saved);
    }

    /** Goods arrive at the WMS: every other line of each order, half its quantity (at least 1). */
    private int deliveriesArrive(DemoBridge bridge) {
        int lines = 0;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (JsonNode stored : bridge.wmsOrders()) {
            List<JsonNode> orderLines =
                    stored.get("order").get("lines").valueStream().toList();
            for (int i = 0; i < orderLines.size(); i += 2) {
                JsonNode line = orderLines.get(i);
                BigDecimal half = line.get("quantity").decimalValue().divide(BigDecimal.TWO, 0, RoundingMode.FLOOR);
                bridge.receive(
                        stored.get("id").asString(),
                        line.get("lineItemId").asString(),
                        half.max(BigDecimal.ONE),
                        today);
                lines++;
            }
        }
        return lines;
    }

    /** Rows of the local table matching {@code condition}, read while the bridge may hold the file. */
    private int count(String condition) {
        try (java.sql.Connection local = opener.open(connections.local());
                var statement = local.createStatement();
                var result = statement.executeQuery("select count(*) from \"PURCHASE_ORDERS\" where " + condition)) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The demo could not read " + localFile + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the bridge, which works on its own schedule (it polls every second). */
    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + BRIDGE_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new RestockException("The demo waited " + BRIDGE_WAIT.toSeconds() + " s for " + what
                        + " and gave up; the bridge's log is wms-bridge.log in the demo home.");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestockException("Interrupted while waiting for " + what, e);
            }
        }
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
        try (java.sql.Connection local = opener.open(connections.local());
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
