package dev.restock.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns outbox events into deliveries, one per event and matching enabled subscription. An event
 * is marked dispatched in the same transaction that creates its deliveries, and a unique key on
 * (event, subscription) stands behind it, so each pair gets exactly one delivery however often
 * and wherever this runs. Events are locked with {@code skip locked}, so two dispatchers share the
 * work instead of waiting on each other.
 *
 * <p>A subscription receives only events that occurred after it was added.
 */
final class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private record Event(long position, String id, String type, String subject, Instant occurredAt) {}

    private record Subscriber(String id, List<String> eventTypes, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batchSize;

    WebhookDispatcher(
            JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, Clock clock, int batchSize) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Dispatches every event not yet dispatched; returns how many deliveries were created. */
    int dispatchAll() {
        int deliveries = 0;
        while (true) {
            int[] dispatched = transaction.execute(status -> dispatchBatch());
            deliveries += dispatched[1];
            if (dispatched[0] < batchSize) {
                return deliveries;
            }
        }
    }

    /** One batch of events: {events, deliveries created}. */
    private int[] dispatchBatch() {
        List<Event> events = jdbc.sql("""
                select position, id, type, subject, occurred_at from outbox_events
                where webhooks_dispatched_at is null
                order by position
                limit ?
                for update skip locked
                """)
                .param(batchSize)
                .query((rs, row) -> new Event(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        if (events.isEmpty()) {
            return new int[] {0, 0};
        }

        List<Subscriber> subscribers = enabledSubscribers();
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> deliveries = new ArrayList<>();
        for (Event event : events) {
            for (Subscriber subscriber : subscribers) {
                if (wants(subscriber, event)) {
                    deliveries.add(new Object[] {
                        newDeliveryId(),
                        subscriber.id(),
                        event.id(),
                        event.position(),
                        event.type(),
                        event.subject(),
                        now,
                        now
                    });
                }
            }
        }
        // The driver may answer "success, count unknown" per row; count what was asked instead.
        batch.batchUpdate("""
                        insert into webhook_deliveries (id, subscription_id, event_id, event_position, event_type,
                            subject, status, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                        on conflict do nothing
                        """, deliveries);
        int created = deliveries.size();
        jdbc.sql("update outbox_events set webhooks_dispatched_at = ? where position = any(?)")
                .params(now, events.stream().map(Event::position).toArray(Long[]::new))
                .update();
        log.debug("Dispatched {} events into up to {} deliveries", events.size(), created);
        return new int[] {events.size(), created};
    }

    private static boolean wants(Subscriber subscriber, Event event) {
        // A test event is created with its one delivery; it is never fanned out.
        return !event.type().equals(EventTypes.TEST)
                && !event.occurredAt().isBefore(subscriber.createdAt())
                && EventTypes.matchesAny(subscriber.eventTypes(), event.type());
    }

    private List<Subscriber> enabledSubscribers() {
        return jdbc.sql("select id, event_types, created_at from webhook_subscriptions where enabled")
                .query((rs, row) -> new Subscriber(
                        rs.getString(1),
                        Arrays.asList((String[]) rs.getArray(2).getArray()),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    static String newDeliveryId() {
        return "dlv_" + UUID.randomUUID().toString().replace("-", "");
    }
}
