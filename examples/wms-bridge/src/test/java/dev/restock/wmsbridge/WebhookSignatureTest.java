package dev.restock.wmsbridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook endpoint: signed and fresh is forwarded, anything else is refused with 401. */
class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String OTHER_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private OrderTableFixture table;
    private WmsServer wms;
    private Bridge bridge;
    private final RestockSimulator restock = new RestockSimulator(SECRET);

    @BeforeEach
    void startBridge() throws Exception {
        table = Databases.DUCKDB.table(folder);
        table.recreate();
        wms = new WmsServer(false);
        bridge = startBridge(List.of(SECRET));
    }

    @AfterEach
    void stop() throws Exception {
        bridge.close();
        wms.close();
    }

    @Test
    void forwardsTheOrderOfASignedWebhook() throws Exception {
        table.insertOrder("order-1", "PO-1001", 2);

        int status = restock.post(webhooks(), RestockSimulator.orderSavedBody("order-1", "PO-1001", 2));

        assertThat(status).isEqualTo(204);
        awaitForwarded("order-1");
        assertThat(wms.wms.orders()).singleElement().satisfies(order -> {
            assertThat(order.idempotencyKey()).isEqualTo("order-1");
            assertThat(order.order().lines()).hasSize(2);
        });
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() throws Exception {
        table.insertOrder("order-1", "PO-1001", 1);
        table.insertOrder("order-2", "PO-1002", 1);
        String body = RestockSimulator.orderSavedBody("order-1", "PO-1001", 1);

        int status = restock.post(webhooks(), body, Instant.now(), new Webhook(OTHER_SECRET));

        assertThat(status).isEqualTo(401);
        assertOnlyOrderTwoIsForwardedAfterAGoodWebhookForIt();
    }

    @Test
    void refusesABodyChangedAfterSigning() throws Exception {
        table.insertOrder("order-1", "PO-1001", 1);
        table.insertOrder("order-2", "PO-1002", 1);
        String signedBody = RestockSimulator.orderSavedBody("order-3", "PO-1003", 1);

        int status = new TamperingPoster(SECRET).post(webhooks(), signedBody, signedBody.replace("order-3", "order-1"));

        assertThat(status).isEqualTo(401);
        assertOnlyOrderTwoIsForwardedAfterAGoodWebhookForIt();
    }

    @Test
    void refusesAStaleTimestamp() throws Exception {
        table.insertOrder("order-1", "PO-1001", 1);
        table.insertOrder("order-2", "PO-1002", 1);
        String body = RestockSimulator.orderSavedBody("order-1", "PO-1001", 1);

        int status = restock.post(webhooks(), body, Instant.now().minus(Duration.ofMinutes(10)), new Webhook(SECRET));

        assertThat(status).isEqualTo(401);
        assertOnlyOrderTwoIsForwardedAfterAGoodWebhookForIt();
    }

    @Test
    void refusesAnUnsignedRequest() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(webhooks())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        RestockSimulator.orderSavedBody("order-1", "PO-1001", 1)))
                .build();

        int status = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();

        assertThat(status).isEqualTo(401);
    }

    @Test
    void acceptsTheOldAndTheNewSecretDuringARotation() throws Exception {
        bridge.close();
        bridge = startBridge(List.of(SECRET, OTHER_SECRET));
        String body = RestockSimulator.orderSavedBody("order-1", "PO-1001", 1);

        int signedWithOld = restock.post(webhooks(), body, Instant.now(), new Webhook(SECRET));
        int signedWithNew = restock.post(webhooks(), body, Instant.now(), new Webhook(OTHER_SECRET));
        int signedWithNeither = restock.post(webhooks(), body, Instant.now(), new Webhook("whsec_" + "A".repeat(32)));

        assertThat(List.of(signedWithOld, signedWithNew, signedWithNeither)).containsExactly(204, 204, 401);
    }

    /**
     * The forwarder works through its queue in order on one thread, so once order-2 (sent after
     * the refused webhook) is forwarded, order-1 would have been too if the refused one had
     * been queued. The poll cannot interfere: it runs once an hour in these tests.
     */
    private void assertOnlyOrderTwoIsForwardedAfterAGoodWebhookForIt() throws Exception {
        restock.post(webhooks(), RestockSimulator.orderSavedBody("order-2", "PO-1002", 1));
        awaitForwarded("order-2");
        assertThat(wms.wms.orders())
                .extracting(SimulatedWms.StoredOrder::idempotencyKey)
                .containsExactly("order-2");
    }

    private void awaitForwarded(String orderId) throws Exception {
        Await.until(
                orderId + " has an EXTERNAL_ID",
                WAIT,
                () -> table.rows().stream()
                        .filter(row -> row.orderId().equals(orderId))
                        .allMatch(row -> row.externalId() != null));
    }

    private Bridge startBridge(List<String> secrets) throws Exception {
        BridgeConfig config = new BridgeConfig(
                Databases.DUCKDB.jdbcUrl(folder),
                null,
                null,
                OrderTableFixture.TABLE,
                "127.0.0.1",
                0,
                secrets,
                Duration.ofHours(1),
                wms.url(),
                false);
        Bridge started = Bridge.start(config, Clock.systemUTC(), UnaryOperator.identity());
        // The poll runs once at start; wait for it so that only webhooks forward in these tests.
        Await.until("the first poll finished", WAIT, () -> started.completedPolls() > 0);
        return started;
    }

    private URI webhooks() {
        return URI.create("http://127.0.0.1:" + bridge.port() + "/webhooks");
    }

    /** Signs one body and sends another, as an attacker replaying a signature would. */
    private record TamperingPoster(String secret) {
        int post(URI url, String signedBody, String sentBody) throws Exception {
            String id = "evt_tampered";
            long timestamp = Instant.now().getEpochSecond();
            var request = java.net.http.HttpRequest.newBuilder(url)
                    .header("webhook-id", id)
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", new Webhook(secret).sign(id, timestamp, signedBody))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(sentBody))
                    .build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
