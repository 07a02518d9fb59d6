package dev.restock.webhooks;

import dev.restock.NotFoundException;
import dev.restock.RestockException;
import dev.restock.events.Outbox;
import dev.restock.events.OutboxEvent;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers webhooks: dispatches new outbox events into deliveries, then sends every delivery that
 * is due, in rounds.
 *
 * <p>Each round claims its deliveries in one transaction that also writes an attempt row keyed by
 * (delivery, attempt number) before anything is sent: an attempt goes out at most once, whichever
 * process claims it. {@link AttemptRecorder} records what each attempt brought, and marks an
 * attempt left in flight by a process that died interrupted after
 * {@link WebhookProperties#abandonedAfter()}, so that the next attempt follows. Of the pending
 * deliveries of one subscription and one subject (a stock order), only the earliest event is ever
 * claimed, so a receiver sees the events of one order in order.
 *
 * <p>The background job calls {@link #deliverDueNow()} every second in {@code serve}; commands may
 * call it too. Thread-safe: rounds in several threads or processes share the work.
 */
public class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Outbox outbox;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDispatcher dispatcher;
    private final WebhookSender sender;
    private final AddressPolicy addresses;
    private final JsonMapper json;
    private final Clock clock;
    private final WebhookProperties properties;
    private final Semaphore inFlight;
    private final AttemptRecorder recorder;

    public WebhookDelivery(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Outbox outbox,
            WebhookSubscriptions subscriptions,
            JsonMapper json,
            Clock clock,
            WebhookProperties properties) {
        this(
                jdbc,
                transaction,
                outbox,
                subscriptions,
                json,
                clock,
                properties,
                new WebhookSender(properties, clock),
                RandomGenerator.getDefault());
    }

    WebhookDelivery(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Outbox outbox,
            WebhookSubscriptions subscriptions,
            JsonMapper json,
            Clock clock,
            WebhookProperties properties,
            WebhookSender sender,
            RandomGenerator random) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.inFlight = new Semaphore(properties.parallelism());
        this.dispatcher = new WebhookDispatcher(jdbc, clock, properties.batchSize());
        this.sender = sender;
        this.recorder = new AttemptRecorder(
                jdbc, transaction, subscriptions, new RetrySchedule(random), clock, properties.abandonedAfter());
        this.addresses = new AddressPolicy(properties.allowPrivateAddresses());
    }

    /**
     * Dispatches new events and sends every delivery due now, round after round, until none is
     * due; retries scheduled for later stay for later. Returns the number of attempts made.
     */
    public int deliverDueNow() {
        long started = System.nanoTime();
        int deliveries = dispatcher.dispatchAll();
        log.debug("Dispatched events into {} deliveries in {} ms", deliveries, millisSince(started));
        recorder.recoverAbandonedAttempts();
        // Two rounds in flight: one claims or records in the database while the other's requests
        // are out, sharing one limit of requests in flight.
        try (ExecutorService workers =
                Executors.newFixedThreadPool(2, Thread.ofVirtual().factory())) {
            Future<Integer> first = workers.submit(this::deliverRounds);
            Future<Integer> second = workers.submit(this::deliverRounds);
            return first.get() + second.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestockException(
                    "Interrupted while delivering webhooks; attempts in flight are marked"
                            + " interrupted and retried later.",
                    e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("Delivering webhooks failed unexpectedly", e.getCause());
        }
    }

    /** Claims, sends and records rounds until none is due; returns the attempts made. */
    private int deliverRounds() {
        int attempts = 0;
        while (true) {
            long roundStarted = System.nanoTime();
            List<OutgoingWebhook> claimed = claimDue(null);
            if (claimed.isEmpty()) {
                return attempts;
            }
            long claimedAt = System.nanoTime();
            List<AttemptResult> results = sendAll(claimed);
            long sentAt = System.nanoTime();
            recorder.record(claimed, results);
            attempts += claimed.size();
            log.debug(
                    "Round of {} attempts: claimed in {} ms, sent in {} ms, recorded in {} ms",
                    claimed.size(),
                    (claimedAt - roundStarted) / 1_000_000,
                    (sentAt - claimedAt) / 1_000_000,
                    millisSince(sentAt));
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /**
     * Sends a test event to one subscription now, whatever events it subscribes to, and returns
     * the delivery with its first attempt. A failed test is retried like any delivery.
     */
    public DeliveryRecord sendTest(String subscriptionId) {
        WebhookSubscription subscription = subscriptions.get(subscriptionId);
        if (!subscription.enabled()) {
            throw disabled(subscriptionId);
        }
        String deliveryId = transaction.execute(status -> {
            Map<String, Object> data = new HashMap<>();
            data.put("subscriptionId", subscriptionId);
            data.put("message", "A test event from Restock.");
            OutboxEvent event = outbox.append(EventTypes.TEST, subscriptionId, data);
            jdbc.sql("update outbox_events set webhooks_dispatched_at = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), event.id())
                    .update();
            return insertDelivery(subscriptionId, event.id(), event.position(), event.type(), null, null);
        });
        return deliverOne(deliveryId);
    }

    /**
     * Sends an event again as a new delivery, with the first attempt now: for a receiver that lost
     * or mishandled it. The new delivery keeps the event's id, so a receiver that already handled
     * it can tell.
     */
    public DeliveryRecord replay(String deliveryId) {
        String replayId = transaction.execute(status -> {
            var original = jdbc.sql("""
                    select subscription_id, event_id, event_position, event_type, subject
                    from webhook_deliveries where id = ?
                    """)
                    .param(deliveryId)
                    .query((rs, row) -> new String[] {
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                    })
                    .optional()
                    .orElseThrow(() -> new NotFoundException("No webhook delivery '" + deliveryId
                            + "'. Run `restock webhooks deliveries` to see the delivery log."));
            if (!subscriptions.get(original[0]).enabled()) {
                throw disabled(original[0]);
            }
            return insertDelivery(
                    original[0], original[1], Long.parseLong(original[2]), original[3], original[4], deliveryId);
        });
        return deliverOne(replayId);
    }

    /** Sends one delivery now if it is due and first in line; returns it as it then stands. */
    private DeliveryRecord deliverOne(String deliveryId) {
        List<OutgoingWebhook> claimed = claimDue(deliveryId);
        if (!claimed.isEmpty()) {
            recorder.record(claimed, sendAll(claimed));
        }
        return new DeliveryLog(jdbc).delivery(deliveryId);
    }

    private String insertDelivery(
            String subscriptionId, String eventId, long position, String type, String subject, String replayOf) {
        String id = WebhookDispatcher.newDeliveryId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into webhook_deliveries (id, subscription_id, event_id, event_position, event_type, subject,
                    replay_of, status, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                """)
                .params(id, subscriptionId, eventId, position, type, subject, replayOf, now, now)
                .update();
        return id;
    }

    /**
     * Claims due deliveries (or the one named) and writes their attempt rows, in one transaction,
     * before anything is sent.
     */
    List<OutgoingWebhook> claimDue(String onlyDeliveryId) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            List<String[]> claimed = jdbc.sql("""
                    with due as (
                        select d.id from webhook_deliveries d
                        join webhook_subscriptions s on s.id = d.subscription_id
                        where d.status = 'pending' and d.next_attempt_at <= :now and s.enabled
                          and (cast(:only as text) is null or d.id = :only)
                          and not exists (
                              select 1 from webhook_deliveries e
                              where e.subscription_id = d.subscription_id and e.subject = d.subject
                                and e.status = 'pending'
                                and (e.event_position, e.created_at, e.id)
                                    < (d.event_position, d.created_at, d.id))
                        order by d.next_attempt_at, d.event_position
                        limit :limit
                        for update of d skip locked),
                    claimed as (
                        update webhook_deliveries d set attempts = d.attempts + 1, next_attempt_at = null
                        from due where d.id = due.id
                        returning d.id, d.attempts, d.subscription_id, d.event_id),
                    started as (
                        insert into webhook_attempts (delivery_id, attempt, started_at, outcome)
                        select id, attempts, :now, 'in_flight' from claimed)
                    select c.id, c.attempts, c.subscription_id, c.event_id, e.type, e.occurred_at, e.payload::text
                    from claimed c join outbox_events e on e.id = c.event_id
                    """)
                    .param("now", Timestamp.from(now))
                    .param("only", onlyDeliveryId)
                    .param("limit", properties.batchSize())
                    .query((rs, row) -> new String[] {
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        body(rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7))
                    })
                    .list();
            return outgoing(claimed);
        });
    }

    private List<OutgoingWebhook> outgoing(List<String[]> claimed) {
        Map<String, String> urls = new HashMap<>();
        Map<String, SigningSecrets> secrets = new HashMap<>();
        List<OutgoingWebhook> outgoing = new ArrayList<>(claimed.size());
        for (String[] row : claimed) {
            String subscriptionId = row[2];
            String url = urls.computeIfAbsent(
                    subscriptionId, id -> subscriptions.get(id).url());
            SigningSecrets signing = secrets.computeIfAbsent(subscriptionId, subscriptions::secrets);
            outgoing.add(new OutgoingWebhook(
                    row[0], Integer.parseInt(row[1]), subscriptionId, URI.create(url), row[3], row[4], signing));
        }
        return outgoing;
    }

    /** The body Restock sends: {@code {"type", "timestamp", "data"}}, data being the event's payload. */
    private String body(String type, Instant occurredAt, String payload) {
        return "{\"type\":" + json.writeValueAsString(type) + ",\"timestamp\":\"" + occurredAt + "\",\"data\":"
                + payload + "}";
    }

    private List<AttemptResult> sendAll(List<OutgoingWebhook> claimed) {
        Map<URI, String> refusals = new HashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<AttemptResult>> futures = new ArrayList<>(claimed.size());
            for (OutgoingWebhook webhook : claimed) {
                String refusal = refusals.computeIfAbsent(webhook.url(), this::refusal);
                futures.add(pool.submit(() -> refusal.isEmpty() ? sendWithinLimit(webhook) : refused(refusal)));
            }
            List<AttemptResult> results = new ArrayList<>(futures.size());
            for (Future<AttemptResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestockException(
                    "Interrupted while sending webhooks; the attempts in flight are"
                            + " marked interrupted and retried later.",
                    e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Sending a webhook failed unexpectedly", e.getCause());
        }
    }

    /** Sends once a place is free among {@link WebhookProperties#parallelism()} requests in flight. */
    private AttemptResult sendWithinLimit(OutgoingWebhook webhook) throws InterruptedException {
        inFlight.acquire();
        try {
            return sendLogged(webhook);
        } finally {
            inFlight.release();
        }
    }

    private AttemptResult sendLogged(OutgoingWebhook webhook) {
        MDC.put("deliveryId", webhook.deliveryId());
        try {
            AttemptResult result = sender.send(webhook);
            log.debug(
                    "Delivery '{}' attempt {} to '{}': {} in {} ms",
                    webhook.deliveryId(),
                    webhook.attempt(),
                    webhook.url(),
                    result.statusCode() != null ? result.statusCode() : result.error(),
                    result.latencyMillis());
            return result;
        } finally {
            MDC.remove("deliveryId");
        }
    }

    /** Why a URL may not be sent to now (it may resolve elsewhere than when it was added); empty if it may. */
    private String refusal(URI url) {
        try {
            addresses.check(url.toString());
            return "";
        } catch (RestockException e) {
            return e.getMessage();
        }
    }

    private AttemptResult refused(String reason) {
        return new AttemptResult(null, 0, null, reason, null, clock.instant().getEpochSecond());
    }

    /** The sender, for the benchmark's baseline: bare POSTs by the same HTTP client. */
    WebhookSender sender() {
        return sender;
    }

    private static RestockException disabled(String subscriptionId) {
        return new RestockException("Webhook subscription '" + subscriptionId + "' is disabled, so nothing"
                + " was sent. Run `restock webhooks enable " + subscriptionId + "` first.");
    }
}
