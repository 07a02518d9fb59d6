package dev.restock.ingest.retail;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The UTC offset of a time zone's local times, remembered per calendar day: the zone's rules
 * search their transitions on every call, which cost more than the rest of a line, while lines
 * come day by day. Days near a transition (clocks going forward or back) are asked of the rules
 * for every time, so the answer is always that of {@link ZoneRules#getOffset(LocalDateTime)}:
 * in the hour that repeats when clocks go back, the earlier offset.
 *
 * <p>Not thread-safe.
 */
final class DayOffsets {

    /** No zone is more than 18 hours from UTC. */
    private static final long WIDEST_OFFSET_SECONDS = 18 * 3600;

    private final ZoneRules rules;
    private LocalDate day;
    private ZoneOffset dayOffset;

    DayOffsets(ZoneRules rules) {
        this.rules = rules;
    }

    ZoneOffset of(LocalDateTime local) {
        LocalDate date = local.toLocalDate();
        if (!date.equals(day)) {
            day = date;
            dayOffset = uniformOffset(date);
        }
        return dayOffset != null ? dayOffset : rules.getOffset(local);
    }

    /** The day's offset when no transition comes near the day, else null. */
    private ZoneOffset uniformOffset(LocalDate date) {
        long from = date.toEpochDay() * 86_400 - WIDEST_OFFSET_SECONDS;
        long to = (date.toEpochDay() + 1) * 86_400 + WIDEST_OFFSET_SECONDS;
        ZoneOffsetTransition next = rules.nextTransition(java.time.Instant.ofEpochSecond(from));
        if (next != null && next.toEpochSecond() <= to) {
            return null;
        }
        return rules.getOffset(date.atStartOfDay());
    }
}
