package dev.restock.forecast;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;

/**
 * The days a warehouse traded at all, from {@code firstDay} to {@link #lastDay()}. A day the
 * store was closed (a weekly closing day, a holiday break) is not a day of zero demand, so
 * forecasting counts only traded days. Immutable; one instance is shared by every series of a
 * warehouse.
 */
public final class TradingCalendar {

    private static final int DAYS_PER_WEEK = 7;

    private final LocalDate firstDay;
    private final boolean[] traded;

    private TradingCalendar(LocalDate firstDay, boolean[] traded) {
        this.firstDay = requireNonNull(firstDay, "firstDay");
        this.traded = traded;
    }

    /** A calendar from {@code firstDay} with one flag per day. */
    public static TradingCalendar of(LocalDate firstDay, boolean[] traded) {
        return new TradingCalendar(firstDay, traded.clone());
    }

    /** A calendar that traded on exactly the given days (from the earliest to the latest). */
    public static TradingCalendar ofDays(Collection<LocalDate> days) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a trading calendar needs at least one day");
        }
        LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
        boolean[] traded = new boolean[(int) ChronoUnit.DAYS.between(first, last) + 1];
        for (LocalDate day : days) {
            traded[(int) ChronoUnit.DAYS.between(first, day)] = true;
        }
        return new TradingCalendar(first, traded);
    }

    /** A store that trades every day, from {@code firstDay} for {@code days} days. */
    public static TradingCalendar everyDay(LocalDate firstDay, int days) {
        boolean[] traded = new boolean[days];
        Arrays.fill(traded, true);
        return new TradingCalendar(firstDay, traded);
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(traded.length - 1L);
    }

    /** Whether the store traded on {@code day}; false outside the calendar. */
    public boolean traded(LocalDate day) {
        return traded((int) ChronoUnit.DAYS.between(firstDay, day));
    }

    boolean traded(int index) {
        return index >= 0 && index < traded.length && traded[index];
    }

    /** Days from this calendar's first day to {@code day}. */
    int indexOf(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(firstDay, day);
    }

    /**
     * For each weekday, the share of the last {@code weeks} weeks before {@code end} (exclusive)
     * on which the store traded: the chance that a future day with that weekday is a trading
     * day. Indexed by {@code DayOfWeek.getValue() - 1}. Weeks before the calendar's first day are
     * left out; with no week at all, every weekday counts as trading.
     */
    public double[] weekdayShares(LocalDate end, int weeks) {
        int endIndex = indexOf(end);
        int[] tradedCount = new int[DAYS_PER_WEEK];
        int[] dayCount = new int[DAYS_PER_WEEK];
        int from = Math.max(0, endIndex - weeks * DAYS_PER_WEEK);
        int firstWeekday = firstDay.getDayOfWeek().getValue() - 1;
        for (int index = from; index < Math.min(endIndex, traded.length); index++) {
            int weekday = (firstWeekday + index) % DAYS_PER_WEEK;
            dayCount[weekday]++;
            if (traded[index]) {
                tradedCount[weekday]++;
            }
        }
        double[] shares = new double[DAYS_PER_WEEK];
        for (int weekday = 0; weekday < DAYS_PER_WEEK; weekday++) {
            shares[weekday] = dayCount[weekday] == 0 ? 1.0 : (double) tradedCount[weekday] / dayCount[weekday];
        }
        return shares;
    }
}
