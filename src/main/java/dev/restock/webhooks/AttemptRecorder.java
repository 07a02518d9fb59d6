package dev.restock.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what the attempts of a delivery round brought, and what that means: each attempt's
 * outcome, each delivery's next attempt (by the {@link RetrySchedule}) or its end, and each
 * subscription's health (a 410 Gone disables it at once; failing for
 * {@link #DISABLE_AFTER_FAILING} disables it too). Also settles attempts that a process which died
 * left in flight. Part of {@link WebhookDelivery}; thread-safe, as it keeps no state of its own.
 */
final class AttemptRecorder {

    /** A subscription whose deliveries have all failed for this long is disabled. */
    static final Duration DISABLE_AFTER_FAILING = Duration.ofDays(5);

    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final WebhookSubscriptions subscriptions;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final Duration abandonedAfter;

    AttemptRecorder(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            WebhookSubscriptions subscriptions,
            RetrySchedule schedule,
            Clock clock,
            Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.subscriptions = subscriptions;
        this.schedule = schedule;
        this.clock = clock;
        this.abandonedAfter = abandonedAfter;
    }

    /** Records the results of a round, and what they mean for each delivery and subscription. */
    void record(List<OutgoingWebhook> claimed, List<AttemptResult> results) {
        Instant now = clock.instant();
        List<Object[]> attemptRows = new ArrayList<>();
        List<Object[]> deliveryRows = new ArrayList<>();
        List<String> succeeded = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        Map<String, String> gone = new HashMap<>();
        for (int i = 0; i < claimed.size(); i++) {
            OutgoingWebhook webhook = claimed.get(i);
            AttemptResult result = results.get(i);
            attemptRows.add(attemptRow(webhook, result));
            deliveryRows.add(deliveryRow(webhook, result, now));
            if (result.succeeded()) {
                succeeded.add(webhook.subscriptionId());
            } else if (result.gone()) {
                gone.put(
                        webhook.subscriptionId(),
                        "The receiver answered 410 Gone to delivery '" + webhook.deliveryId()
                                + "'; Restock stopped sending to it.");
            } else {
                failing.add(webhook.subscriptionId());
            }
        }

        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    update webhook_attempts a
                    set outcome = u.outcome, status_code = u.status_code, latency_ms = u.latency_ms,
                        response_excerpt = u.excerpt, error = u.error
                    from unnest(cast(? as text[]), cast(? as int[]), cast(? as text[]), cast(? as int[]),
                        cast(? as bigint[]), cast(? as text[]), cast(? as text[]))
                        as u(delivery_id, attempt, outcome, status_code, latency_ms, excerpt, error)
                    where a.delivery_id = u.delivery_id and a.attempt = u.attempt
                    """)
                    .params(
                            column(attemptRows, 5, String.class),
                            column(attemptRows, 6, Integer.class),
                            column(attemptRows, 0, String.class),
                            column(attemptRows, 1, Integer.class),
                            column(attemptRows, 2, Long.class),
                            column(attemptRows, 3, String.class),
                            column(attemptRows, 4, String.class))
                    .update();
            jdbc.sql("""
                    update webhook_deliveries d
                    set status = u.status, next_attempt_at = cast(u.next_attempt_at as timestamptz),
                        completed_at = cast(u.completed_at as timestamptz)
                    from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                        as u(status, next_attempt_at, completed_at, id)
                    where d.id = u.id
                    """)
                    .params(
                            column(deliveryRows, 0, String.class), column(deliveryRows, 1, String.class),
                            column(deliveryRows, 2, String.class), column(deliveryRows, 3, String.class))
                    .update();
            recordSubscriptionHealth(succeeded, failing, gone, now);
        });
    }

    /** One column of rows, as an array to bind to {@code unnest}. */
    @SuppressWarnings("unchecked")
    private static <T> T[] column(List<Object[]> rows, int index, Class<T> type) {
        T[] column = (T[]) java.lang.reflect.Array.newInstance(type, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            column[i] = type.cast(rows.get(i)[index]);
        }
        return column;
    }

    private static Object[] attemptRow(OutgoingWebhook webhook, AttemptResult result) {
        return new Object[] {
            result.succeeded() ? "succeeded" : "failed",
            result.statusCode(),
            result.latencyMillis(),
            result.responseExcerpt(),
            result.error(),
            webhook.deliveryId(),
            webhook.attempt()
        };
    }

    private Object[] deliveryRow(OutgoingWebhook webhook, AttemptResult result, Instant now) {
        if (result.succeeded()) {
            return new Object[] {"succeeded", null, now.toString(), webhook.deliveryId()};
        }
        Optional<Duration> delay =
                result.gone() ? Optional.empty() : schedule.delayAfter(webhook.attempt(), result.retryAfter());
        if (delay.isEmpty()) {
            return new Object[] {"failed", null, now.toString(), webhook.deliveryId()};
        }
        return new Object[] {"pending", now.plus(delay.get()).toString(), null, webhook.deliveryId()};
    }

    private void recordSubscriptionHealth(
            List<String> succeeded, List<String> failing, Map<String, String> gone, Instant now) {
        if (!succeeded.isEmpty()) {
            jdbc.sql("update webhook_subscriptions set failing_since = null where id = any(?) and failing_since"
                            + " is not null")
                    .param(succeeded.stream().distinct().toArray(String[]::new))
                    .update();
        }
        gone.forEach(subscriptions::disable);
        if (failing.isEmpty()) {
            return;
        }
        List<String> failedTooLong = jdbc
                .sql("""
                update webhook_subscriptions set failing_since = coalesce(failing_since, ?)
                where id = any(?) and enabled
                returning id, failing_since
                """)
                .params(Timestamp.from(now), failing.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> rs.getTimestamp(2)
                                .toInstant()
                                .plus(DISABLE_AFTER_FAILING)
                                .isAfter(now)
                        ? null
                        : rs.getString(1))
                .list()
                .stream()
                .filter(id -> id != null)
                .toList();
        for (String id : failedTooLong) {
            subscriptions.disable(
                    id,
                    "Every delivery failed for " + DISABLE_AFTER_FAILING.toDays()
                            + " days; Restock stopped sending. Fix the receiver, then run `restock webhooks enable "
                            + id + "`.");
        }
    }

    /**
     * Marks attempts left in flight by a process that died as interrupted, and makes their
     * deliveries due again (or failed, if that was the last attempt). The receiver may or may not
     * have had such an attempt; it is never sent again under the same attempt number.
     */
    void recoverAbandonedAttempts() {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            List<String> deliveries = jdbc.sql("""
                    update webhook_attempts set outcome = 'interrupted',
                        error = 'The process sending this attempt stopped before its answer was recorded.'
                    where outcome = 'in_flight' and started_at < ?
                    returning delivery_id
                    """)
                    .param(Timestamp.from(now.minus(abandonedAfter)))
                    .query(String.class)
                    .list();
            if (deliveries.isEmpty()) {
                return;
            }
            log.warn(
                    "{} webhook attempts were interrupted by a stopped process; their deliveries go on",
                    deliveries.size());
            jdbc.sql("""
                    update webhook_deliveries
                    set status = case when attempts >= ? then 'failed' else 'pending' end,
                        next_attempt_at = case when attempts >= ? then null else cast(? as timestamptz) end,
                        completed_at = case when attempts >= ? then cast(? as timestamptz) end
                    where id = any(?) and status = 'pending' and next_attempt_at is null
                    """)
                    .params(
                            RetrySchedule.MAX_ATTEMPTS,
                            RetrySchedule.MAX_ATTEMPTS,
                            Timestamp.from(now),
                            RetrySchedule.MAX_ATTEMPTS,
                            Timestamp.from(now),
                            deliveries.toArray(String[]::new))
                    .update();
        });
    }
}
