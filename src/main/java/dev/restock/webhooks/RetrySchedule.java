package dev.restock.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: the first attempt at once, then after about 5 seconds, 5
 * minutes, 30 minutes, 2, 5, 10 and 10 hours and a day (some 3.4 days in all), each delay
 * stretched or shrunk by up to a fifth at random so that deliveries failing together do not
 * return together. A receiver's {@code Retry-After} replaces the delay, between a second and a day.
 */
final class RetrySchedule {

    static final List<Duration> DELAYS = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10),
            Duration.ofHours(24));

    static final int MAX_ATTEMPTS = DELAYS.size() + 1;

    private static final Duration SHORTEST_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private final RandomGenerator random;

    RetrySchedule(RandomGenerator random) {
        this.random = random;
    }

    /** The wait before the attempt after {@code attempt} failed; empty when that was the last. */
    Optional<Duration> delayAfter(int attempt, Duration retryAfter) {
        if (attempt >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        if (retryAfter != null) {
            return Optional.of(clamp(retryAfter));
        }
        Duration base = DELAYS.get(attempt - 1);
        double factor = 0.8 + 0.4 * random.nextDouble();
        return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * factor)));
    }

    private static Duration clamp(Duration retryAfter) {
        if (retryAfter.compareTo(SHORTEST_RETRY_AFTER) < 0) {
            return SHORTEST_RETRY_AFTER;
        }
        return retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter;
    }
}
