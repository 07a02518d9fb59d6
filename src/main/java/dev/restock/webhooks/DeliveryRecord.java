package dev.restock.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A delivery as the log shows it, with every attempt.
 *
 * @param status {@code pending}, {@code succeeded} or {@code failed}
 * @param nextAttemptAt when the next attempt is due; null when none is scheduled or one is in flight
 * @param replayOf the delivery this one replays, if it is a replay
 */
public record DeliveryRecord(
        String id,
        String subscriptionId,
        String eventId,
        String eventType,
        String subject,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant completedAt,
        String replayOf,
        List<Attempt> attemptLog) {

    public DeliveryRecord {
        attemptLog = List.copyOf(attemptLog);
    }

    /**
     * One attempt.
     *
     * @param outcome {@code in_flight}, {@code succeeded}, {@code failed} or {@code interrupted}
     */
    public record Attempt(
            int attempt,
            Instant startedAt,
            String outcome,
            Integer statusCode,
            Long latencyMillis,
            String responseExcerpt,
            String error) {}

    /** The last attempt, if any was made. */
    public Attempt lastAttempt() {
        return attemptLog.isEmpty() ? null : attemptLog.getLast();
    }
}
