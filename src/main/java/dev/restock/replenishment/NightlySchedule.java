package dev.restock.replenishment;

import static java.util.Objects.requireNonNull;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Supplier;

/**
 * Once a day at a local time in a zone that is looked up at every run, so that the store's zone
 * can come from the database (which is empty when the scheduler is built). Across a
 * daylight-saving change the local time keeps its meaning; a time skipped by the change runs at
 * the first instant after the gap. Thread-safe if the zone supplier is.
 */
final class NightlySchedule implements Schedule {

    private final LocalTime at;
    private final Supplier<ZoneId> zone;

    NightlySchedule(LocalTime at, Supplier<ZoneId> zone) {
        this.at = requireNonNull(at, "at");
        this.zone = requireNonNull(zone, "zone");
    }

    /** The first run strictly after {@code instant}. */
    Instant nextAfter(Instant instant) {
        ZonedDateTime now = instant.atZone(zone.get());
        ZonedDateTime today = now.toLocalDate().atTime(at).atZone(now.getZone());
        return today.toInstant().isAfter(instant)
                ? today.toInstant()
                : now.toLocalDate().plusDays(1).atTime(at).atZone(now.getZone()).toInstant();
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
        return nextAfter(executionComplete.getTimeDone());
    }

    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return nextAfter(now);
    }

    @Override
    public boolean isDeterministic() {
        return true;
    }

    @Override
    public String toString() {
        return "daily at " + at;
    }
}
