package dev.restock.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.restock.events.OutboxEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest extends WebhookTestBase {

    @Test
    void sendsTheEventSignedWithTheContractBody() throws Exception {
        SubscriptionSecret subscription = subscribe("/hooks", "stock_order.*");
        OutboxEvent event = transaction.execute(status -> outbox.append(
                "stock_order.saved", "order-1", Map.of("order", Map.of("reference", "PO-1001", "costPrice", 1.25))));

        int attempts = delivery.deliverDueNow();

        assertThat(attempts).isEqualTo(1);
        TestReceiver.Request request = receiver.requests().getFirst();
        assertThat(request.path()).isEqualTo("/hooks");
        assertThat(request.header("webhook-id")).isEqualTo(event.id());
        assertThat(request.header("webhook-timestamp"))
                .isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(request.header("content-type")).isEqualTo("application/json");
        new Webhook(subscription.secret()).verify(request.body(), request.headers());
        var body = json.readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("stock_order.saved");
        // PostgreSQL keeps microseconds, rounded.
        assertThat(Instant.parse(body.get("timestamp").asString()))
                .isCloseTo(event.occurredAt(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MICROS));
        assertThat(body.get("data").get("order").get("reference").asString()).isEqualTo("PO-1001");
        assertThat(body.get("data").get("order").get("costPrice").decimalValue())
                .isEqualByComparingTo("1.25");
        assertThat(onlyDelivery().status()).isEqualTo("succeeded");
        assertThat(onlyDelivery().lastAttempt().statusCode()).isEqualTo(200);
        assertThat(onlyDelivery().lastAttempt().responseExcerpt()).isEqualTo("ok");
    }

    @Test
    void anEventWrittenBeforeACrashIsDeliveredAfterRestartOncePerAttempt() {
        subscribe("/hooks", "*");
        event("stock_order.saved", "order-1");
        WebhookDelivery dyingProcess = deliveryWith(new WebhookSender(PROPERTIES, clock) {
            @Override
            AttemptResult send(OutgoingWebhook webhook) {
                throw new ProcessKilled();
            }
        });

        assertThatThrownBy(dyingProcess::deliverDueNow).hasRootCauseInstanceOf(ProcessKilled.class);
        OutboxEvent writtenWhileDown = event("stock_order.updated", "order-2");
        WebhookDelivery restarted = deliveryWith(new WebhookSender(PROPERTIES, clock));
        restarted.deliverDueNow();

        // Attempt 1 of the first event was claimed by the dead process: it waits until abandoned.
        assertThat(receiver.requests())
                .extracting(request -> request.header("webhook-id"))
                .containsExactly(writtenWhileDown.id());

        clock.advance(PROPERTIES.abandonedAfter().plusSeconds(1));
        restarted.deliverDueNow();
        restarted.deliverDueNow();
        deliveryWith(new WebhookSender(PROPERTIES, clock)).deliverDueNow();

        assertThat(receiver.requests()).hasSize(2);
        DeliveryRecord first = new DeliveryLog(jdbc).latest(null, 10).getLast();
        assertThat(first.status()).isEqualTo("succeeded");
        assertThat(first.attemptLog())
                .extracting(DeliveryRecord.Attempt::attempt, DeliveryRecord.Attempt::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "interrupted"),
                        org.assertj.core.groups.Tuple.tuple(2, "succeeded"));
    }

    @Test
    void aReceiverFailingThreeTimesGetsFourFreshlySignedAttemptsWithOneId() throws Exception {
        SubscriptionSecret subscription = subscribe("/hooks", "stock_order.saved");
        OutboxEvent event = event("stock_order.saved", "order-1");
        for (int i = 0; i < 3; i++) {
            receiver.answer(503, Map.of("Retry-After", "2"), "busy");
        }

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(delivery.deliverDueNow()).as("attempt %d", attempt).isEqualTo(1);
            assertThat(delivery.deliverDueNow())
                    .as("nothing due before Retry-After")
                    .isZero();
            clock.advance(Duration.ofSeconds(2));
        }

        List<TestReceiver.Request> requests = receiver.requests();
        assertThat(requests).hasSize(4);
        for (TestReceiver.Request request : requests) {
            new Webhook(subscription.secret()).verify(request.body(), request.headers());
            assertThat(request.header("webhook-id")).isEqualTo(event.id());
        }
        assertThat(requests)
                .extracting(request -> Long.parseLong(request.header("webhook-timestamp")))
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(requests)
                .extracting(TestReceiver.Request::body)
                .containsOnly(requests.getFirst().body());
        DeliveryRecord delivered = onlyDelivery();
        assertThat(delivered.status()).isEqualTo("succeeded");
        assertThat(delivered.attemptLog())
                .extracting(DeliveryRecord.Attempt::statusCode)
                .containsExactly(503, 503, 503, 200);
        assertThat(delivered.attemptLog().getFirst().responseExcerpt()).isEqualTo("busy");
    }

    @Test
    void retriesFollowTheScheduleWithJitterAndStopAfterTheLastAttempt() throws Exception {
        SubscriptionSecret subscription = subscribe("/hooks", "*");
        OutboxEvent event = event("stock_order.saved", "order-1");
        for (int i = 0; i < RetrySchedule.MAX_ATTEMPTS; i++) {
            receiver.answer(500);
        }

        for (int attempt = 1; attempt < RetrySchedule.MAX_ATTEMPTS; attempt++) {
            Instant sentAt = clock.instant();
            assertThat(delivery.deliverDueNow()).isEqualTo(1);

            Instant next = onlyDelivery().nextAttemptAt();
            Duration planned = RetrySchedule.DELAYS.get(attempt - 1);
            assertThat(Duration.between(sentAt, next))
                    .as("delay after attempt %d", attempt)
                    .isBetween(
                            planned.multipliedBy(8).dividedBy(10),
                            planned.multipliedBy(12).dividedBy(10));
            clock.set(next.minusMillis(1));
            assertThat(delivery.deliverDueNow()).as("not due before its time").isZero();
            clock.set(next);
        }
        assertThat(delivery.deliverDueNow()).isEqualTo(1);
        clock.advance(Duration.ofDays(3));
        assertThat(delivery.deliverDueNow()).isZero();

        DeliveryRecord failed = onlyDelivery();
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.attempts()).isEqualTo(9);
        assertThat(receiver.requests()).hasSize(9);
        // Signed afresh each time, at the time of the attempt (the library's verify checks against
        // the real time, so these far-future attempts are checked against its signer instead).
        for (TestReceiver.Request request : receiver.requests()) {
            long timestamp = Long.parseLong(request.header("webhook-timestamp"));
            assertThat(request.header("webhook-signature"))
                    .isEqualTo(new Webhook(subscription.secret()).sign(event.id(), timestamp, request.body()));
        }
    }

    @Test
    void goneDisablesTheSubscriptionAndNothingMoreIsSent() {
        SubscriptionSecret subscription = subscribe("/hooks", "*");
        event("stock_order.saved", "order-1");
        receiver.answer(410);

        delivery.deliverDueNow();
        event("stock_order.updated", "order-1");
        event("stock_order.saved", "order-2");
        clock.advance(Duration.ofDays(1));
        delivery.deliverDueNow();

        assertThat(receiver.requests()).hasSize(1);
        WebhookSubscription disabled = subscriptions.get(subscription.id());
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledReason()).contains("410 Gone");
        assertThat(jdbc.sql("select subject from outbox_events where type = 'webhook.disabled'")
                        .query(String.class)
                        .list())
                .containsExactly(subscription.id());
    }

    @Test
    void aSubscriptionFailingForFiveDaysIsDisabledWithAnEvent() {
        SubscriptionSecret failing = subscribe("/failing", "stock_order.*");
        SubscriptionSecret watcher = subscribe("/watcher", "webhook.disabled");
        for (int i = 0; i < 20; i++) {
            receiver.answer(500);
        }
        event("stock_order.saved", "order-1");
        delivery.deliverDueNow();

        clock.advance(Duration.ofDays(4));
        event("stock_order.saved", "order-2");
        delivery.deliverDueNow();
        assertThat(subscriptions.get(failing.id()).enabled()).isTrue();

        clock.advance(Duration.ofDays(1));
        event("stock_order.saved", "order-3");
        delivery.deliverDueNow();

        assertThat(subscriptions.get(failing.id()).enabled()).isFalse();
        assertThat(subscriptions.get(failing.id()).disabledReason()).contains("failed for 5 days");
        delivery.deliverDueNow();
        assertThat(receiver.requests())
                .filteredOn(request -> request.path().equals("/watcher"))
                .singleElement()
                .satisfies(
                        request -> assertThat(request.body()).contains("\"type\":\"webhook.disabled\"", failing.id()));
        assertThat(watcher.id()).isNotEqualTo(failing.id());
    }

    @Test
    void aSignatureWithARotatedOutSecretVerifiesDuringTheOverlapAndNotAfter() throws Exception {
        Instant realNow = clock.instant();
        clock.set(realNow.minus(Duration.ofHours(25)));
        SubscriptionSecret pastOverlap = subscribe("/past", "*");
        SubscriptionSecret pastOverlapNew = subscriptions.rotate(pastOverlap.id());
        clock.set(realNow.minus(Duration.ofHours(1)));
        SubscriptionSecret inOverlap = subscribe("/overlap", "*");
        SubscriptionSecret inOverlapNew = subscriptions.rotate(inOverlap.id());
        clock.set(realNow);

        event("stock_order.saved", "order-1");
        delivery.deliverDueNow();

        TestReceiver.Request overlap = request("/overlap");
        assertThat(overlap.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(inOverlap.secret()).verify(overlap.body(), overlap.headers());
        new Webhook(inOverlapNew.secret()).verify(overlap.body(), overlap.headers());
        TestReceiver.Request past = request("/past");
        assertThat(past.header("webhook-signature").split(" ")).hasSize(1);
        new Webhook(pastOverlapNew.secret()).verify(past.body(), past.headers());
        assertThatThrownBy(() -> new Webhook(pastOverlap.secret()).verify(past.body(), past.headers()))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessage("No matching signature found");
    }

    @Test
    void eventsOfOneOrderReachASubscriptionInOrderWhileOtherOrdersGoOn() {
        subscribe("/hooks", "*");
        OutboxEvent first = event("stock_order.saved", "order-1");
        OutboxEvent second = event("stock_order.received", "order-1");
        OutboxEvent other = event("stock_order.saved", "order-2");
        receiver.answerWhenBodyContains("order-1", 500);

        delivery.deliverDueNow();

        assertThat(receiver.requests())
                .extracting(request -> request.header("webhook-id"))
                .containsExactlyInAnyOrder(first.id(), other.id());

        clock.advance(Duration.ofMinutes(1));
        delivery.deliverDueNow();
        delivery.deliverDueNow();

        assertThat(receiver.requests().subList(2, 4))
                .extracting(request -> request.header("webhook-id"))
                .containsExactly(first.id(), second.id());
    }

    @Test
    void eachEventReachesEachMatchingSubscriptionOnce() {
        SubscriptionSecret orders = subscribe("/orders", "stock_order.*");
        SubscriptionSecret everything = subscribe("/all", "*");
        SubscriptionSecret reports = subscribe("/reports", "replenishment.completed");
        event("stock_order.saved", "order-1");
        event("replenishment.completed", null);

        delivery.deliverDueNow();
        delivery.deliverDueNow();
        clock.advance(Duration.ofDays(1));
        delivery.deliverDueNow();

        assertThat(receiver.requests())
                .extracting(TestReceiver.Request::path)
                .containsExactlyInAnyOrder("/orders", "/all", "/all", "/reports");
        assertThat(new DeliveryLog(jdbc).latest(orders.id(), 10)).hasSize(1);
        assertThat(new DeliveryLog(jdbc).latest(everything.id(), 10)).hasSize(2);
        assertThat(new DeliveryLog(jdbc).latest(reports.id(), 10)).hasSize(1);
    }

    @Test
    void aReplaySendsTheEventAgainWithItsId() throws Exception {
        SubscriptionSecret subscription = subscribe("/hooks", "*");
        OutboxEvent event = event("stock_order.saved", "order-1");
        delivery.deliverDueNow();
        String original = onlyDelivery().id();

        DeliveryRecord replay = delivery.replay(original);

        assertThat(replay.id()).isNotEqualTo(original);
        assertThat(replay.replayOf()).isEqualTo(original);
        assertThat(replay.status()).isEqualTo("succeeded");
        assertThat(receiver.requests()).hasSize(2);
        TestReceiver.Request again = receiver.requests().getLast();
        assertThat(again.header("webhook-id")).isEqualTo(event.id());
        new Webhook(subscription.secret()).verify(again.body(), again.headers());
    }

    @Test
    void aTestEventGoesToTheOneSubscriptionOnly() {
        SubscriptionSecret tested = subscribe("/tested", "stock_order.saved");
        subscribe("/other", "*");

        DeliveryRecord sent = delivery.sendTest(tested.id());
        delivery.deliverDueNow();

        assertThat(sent.status()).isEqualTo("succeeded");
        assertThat(sent.eventType()).isEqualTo("webhook.test");
        assertThat(receiver.requests()).extracting(TestReceiver.Request::path).containsExactly("/tested");
    }

    private TestReceiver.Request request(String path) {
        return receiver.requests().stream()
                .filter(request -> request.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    /** What a killed process looks like from the database: it stopped after claiming. */
    private static final class ProcessKilled extends Error {}
}
