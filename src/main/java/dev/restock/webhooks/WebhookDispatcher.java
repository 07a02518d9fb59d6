package dev.restock.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Turns outbox events into deliveries, one per event and matching enabled subscription. An event
 * is marked dispatched by the same statement that creates its deliveries, and a unique key on
 * (event, subscription) stands behind it, so each pair gets exactly one delivery however often
 * and wherever this runs.
 *
 * <p>A subscription receives only events that occurred after it was added.
 */
final class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int batchSize;

    WebhookDispatcher(JdbcClient jdbc, Clock clock, int batchSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Dispatches every event not yet dispatched; returns how many deliveries were created. */
    int dispatchAll() {
        int deliveries = 0;
        while (true) {
            int[] dispatched = dispatchBatch();
            deliveries += dispatched[1];
            log.debug("Dispatched {} events into {} deliveries", dispatched[0], dispatched[1]);
            if (dispatched[0] < batchSize) {
                return deliveries;
            }
        }
    }

    /**
     * One batch of events, in one statement: mark them dispatched and create their deliveries.
     * Two dispatchers may read the same events; the unique key on (event, subscription) keeps
     * each delivery single. A subscription's patterns match as in {@link EventTypes#matches}.
     * Returns {events, deliveries created}.
     */
    private int[] dispatchBatch() {
        return jdbc.sql("""
                with batch as (
                    select position, id, type, subject, occurred_at from outbox_events
                    where webhooks_dispatched_at is null
                    order by position
                    limit :limit),
                marked as (
                    update outbox_events o set webhooks_dispatched_at = :now
                    from batch where o.position = batch.position
                    returning o.position),
                created as (
                    insert into webhook_deliveries (id, subscription_id, event_id, event_position, event_type,
                        subject, status, next_attempt_at, created_at)
                    select 'dlv_' || replace(cast(gen_random_uuid() as text), '-', ''), s.id, e.id, e.position,
                        e.type, e.subject, 'pending', :now, :now
                    from batch e join webhook_subscriptions s on s.enabled and e.occurred_at >= s.created_at
                    where e.type <> :test
                      and exists (
                          select 1 from unnest(s.event_types) as pattern
                          where pattern = '*' or pattern = e.type
                             or (right(pattern, 2) = '.*' and starts_with(e.type, left(pattern, -1))))
                    order by e.position
                    on conflict do nothing
                    returning 1)
                select (select count(*) from marked), (select count(*) from created)
                """)
                .param("limit", batchSize)
                .param("now", Timestamp.from(clock.instant()))
                .param("test", EventTypes.TEST)
                .query((rs, row) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
    }

    static String newDeliveryId() {
        return "dlv_" + UUID.randomUUID().toString().replace("-", "");
    }
}
