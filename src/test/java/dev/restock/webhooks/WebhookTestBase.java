package dev.restock.webhooks;

import dev.restock.DatabaseTest;
import dev.restock.events.Outbox;
import dev.restock.events.OutboxEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook tests: a local receiver, a clock the test moves (starting at the real time, so that the
 * library's own timestamp check in {@code Webhook.verify} holds), private addresses allowed, and
 * delivery driven by calling the job's body, never by waiting.
 */
abstract class WebhookTestBase extends DatabaseTest {

    static final WebhookProperties PROPERTIES = WebhookProperties.defaults(true);

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Outbox outbox;

    @Autowired
    JsonMapper json;

    MutableClock clock;
    WebhookSubscriptions subscriptions;
    WebhookDelivery delivery;
    TestReceiver receiver;

    @BeforeEach
    void startReceiver() {
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        subscriptions = new WebhookSubscriptions(jdbc, transaction, outbox, clock, PROPERTIES);
        delivery = deliveryWith(new WebhookSender(PROPERTIES, clock));
        receiver = new TestReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** A delivery component as a freshly started process would build it, with this sender. */
    WebhookDelivery deliveryWith(WebhookSender sender) {
        return new WebhookDelivery(
                jdbc, transaction, outbox, subscriptions, json, clock, PROPERTIES, sender, new Random(5));
    }

    SubscriptionSecret subscribe(String path, String... eventTypes) {
        return subscriptions.add(receiver.url(path), List.of(eventTypes), null, null);
    }

    /** An event, written as the orders package writes it: in a transaction. */
    OutboxEvent event(String type, String subject) {
        Map<String, Object> order = new java.util.HashMap<>();
        order.put("id", subject);
        return transaction.execute(status -> outbox.append(type, subject, Map.of("order", order)));
    }

    DeliveryRecord onlyDelivery() {
        List<DeliveryRecord> deliveries = new DeliveryLog(jdbc).latest(null, 10);
        if (deliveries.size() != 1) {
            throw new AssertionError("expected one delivery, found " + deliveries);
        }
        return deliveries.getFirst();
    }
}
