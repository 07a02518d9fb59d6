package dev.restock.wmsbridge;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * One running bridge: an HTTP server for webhooks (and the simulated WMS when no WMS URL is
 * given), the forwarder, and a poller that, on every tick, queues the orders still without an
 * EXTERNAL_ID and copies new WMS receipts into the table.
 */
final class Bridge implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("wms-bridge");

    private final HttpServer server;
    private final OrderTable table;
    private final Wms wms;
    private final OrderForwarder forwarder;
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "poller"));
    private final AtomicInteger completedPolls = new AtomicInteger();
    private long receiptCursor; // only the poller thread touches it and the next field
    private String lastProblem;

    private Bridge(HttpServer server, OrderTable table, Wms wms) {
        this.server = server;
        this.table = table;
        this.wms = wms;
        this.forwarder = new OrderForwarder(table, wms);
    }

    static Bridge start(BridgeConfig config) throws IOException {
        return start(config, Clock.systemUTC(), UnaryOperator.identity());
    }

    /** Starts a bridge; {@code decorateWms} lets a test wrap the WMS client, to inject a crash. */
    static Bridge start(BridgeConfig config, Clock clock, UnaryOperator<Wms> decorateWms) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        URI wmsUrl = config.wmsUrl();
        if (wmsUrl == null) {
            server.createContext("/wms", new SimulatedWms(clock, config.autoReceive()));
            InetSocketAddress address = server.getAddress();
            String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : config.bindAddress();
            wmsUrl = URI.create("http://" + host + ":" + address.getPort() + "/wms");
        }
        OrderTable table = new OrderTable(config.jdbcUrl(), config.user(), config.password(), config.table(), clock);
        Bridge bridge = new Bridge(server, table, decorateWms.apply(new HttpWmsClient(wmsUrl)));

        server.createContext("/webhooks", new WebhookReceiver(config.secrets(), bridge.forwarder));
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        long interval = config.pollInterval().toMillis();
        bridge.poller.scheduleWithFixedDelay(bridge::poll, 0, interval, TimeUnit.MILLISECONDS);
        return bridge;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The fallback for lost webhooks, and the way receipts come back. Never throws. */
    void poll() {
        String problem = null;
        try {
            List<String> ids;
            try (OrderTable.Session session = table.open()) {
                ids = session.unforwardedOrderIds();
            }
            if (!ids.isEmpty()) {
                LOG.log(Level.INFO, "Poll found {0} orders without EXTERNAL_ID", ids.size());
            }
            ids.forEach(forwarder::submit);
        } catch (Exception e) {
            problem = "Poll could not read the table: " + e;
        }
        try {
            recordReceipts();
        } catch (Exception e) {
            problem = (problem == null ? "" : problem + "; ") + "Could not copy receipts from the WMS: " + e;
        }
        reportOnce(problem == null ? null : problem.replaceAll("\\s+", " "));
        completedPolls.incrementAndGet();
    }

    /**
     * Logs a poll problem when it first appears and when it clears, not on every tick: a bridge
     * started before Restock's first save finds no table for a while, and that is no emergency.
     */
    private void reportOnce(String problem) {
        if (problem != null && !problem.equals(lastProblem)) {
            LOG.log(Level.WARNING, "{0}. Trying again every tick; reported once until it changes.", problem);
        } else if (problem == null && lastProblem != null) {
            LOG.log(Level.INFO, "Poll works again");
        }
        lastProblem = problem;
    }

    /** How many polls have finished; lets a test wait for the first one. */
    int completedPolls() {
        return completedPolls.get();
    }

    /**
     * The cursor lives in memory, so after a restart the receipts are read from the start again;
     * that is harmless because each receipt carries the line's total, not an increment.
     */
    private void recordReceipts() throws Exception {
        List<Receipt> receipts = wms.receiptsAfter(receiptCursor);
        if (receipts.isEmpty()) {
            return;
        }
        try (OrderTable.Session session = table.open()) {
            for (Receipt receipt : receipts) {
                int updated = session.recordReceipt(
                        receipt.orderKey(), receipt.lineItemId(), receipt.receivedTotal(), receipt.date());
                if (updated > 0) {
                    LOG.log(
                            Level.INFO,
                            "Recorded receipt: order ''{0}'' line ''{1}'' received {2} in total",
                            receipt.orderKey(),
                            receipt.lineItemId(),
                            receipt.receivedTotal().toPlainString());
                }
                receiptCursor = receipt.sequence();
            }
        }
    }

    /** Stops at once, as a crash would between any two steps: nothing is drained or finished. */
    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        poller.shutdownNow();
        forwarder.close();
        poller.awaitTermination(10, TimeUnit.SECONDS);
    }
}
