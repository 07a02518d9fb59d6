package dev.restock.forecast;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Daily demand of one variant in one warehouse, from {@link #firstDay()} for {@link #length()}
 * days, with the mask of days that count for velocity: days the store traded and the variant was
 * in stock. A day that does not count is neither a day of demand nor a day of zero demand; it is
 * left out.
 *
 * <p>Quantities are {@code double}: a forecast is an estimate, and the forecast core runs over
 * hundreds of thousands of series. Numbers leaving the forecast for ordering are converted to
 * exact decimals by the replenishment code, which rounds them once, in the vendor's pack.
 *
 * <p>Demand is net of returns and cancellations booked on the same day (see {@link
 * #ofSales}). Immutable; {@link #truncate} and {@link #withDemand} share the arrays, which are
 * never written after construction.
 */
public final class DemandSeries {

    private final LocalDate firstDay;
    private final double[] demand;
    private final boolean[] counted;
    private final int length;
    private final TradingCalendar calendar;

    private DemandSeries(LocalDate firstDay, double[] demand, boolean[] counted, int length, TradingCalendar calendar) {
        this.firstDay = requireNonNull(firstDay, "firstDay");
        this.demand = demand;
        this.counted = counted;
        this.length = length;
        this.calendar = requireNonNull(calendar, "calendar");
    }

    /**
     * Demand per day from {@code firstDay}; a day counts when the calendar says the store traded,
     * or when there was demand (a sale proves the store traded, whatever the calendar says).
     */
    public static DemandSeries of(LocalDate firstDay, double[] demand, TradingCalendar calendar) {
        double[] copy = demand.clone();
        boolean[] counted = new boolean[copy.length];
        int offset = calendar.indexOf(firstDay);
        for (int day = 0; day < copy.length; day++) {
            if (!(copy[day] >= 0) || Double.isInfinite(copy[day])) {
                throw new IllegalArgumentException("demand on day " + firstDay.plusDays(day) + " is " + copy[day]
                        + "; demand must be a finite number of zero or more");
            }
            counted[day] = copy[day] > 0 || calendar.traded(offset + day);
        }
        return new DemandSeries(firstDay, copy, counted, copy.length, calendar);
    }

    /**
     * Demand from the {@code sold} and {@code returned} columns of {@code daily_demand}: units
     * sold less units returned or cancelled on the same day, never below zero. A cancellation
     * booked minutes after its order (a mistyped quantity) cancels it; a return days later does
     * not rewrite the day of the sale, because those units left the shelf then and come back as
     * available stock, which the replenishment already counts.
     */
    public static DemandSeries ofSales(LocalDate firstDay, double[] sold, double[] returned, TradingCalendar calendar) {
        if (sold.length != returned.length) {
            throw new IllegalArgumentException("sold and returned must cover the same days");
        }
        double[] demand = new double[sold.length];
        for (int day = 0; day < sold.length; day++) {
            demand[day] = Math.max(0, sold[day] - Math.max(0, returned[day]));
        }
        return of(firstDay, demand, calendar);
    }

    /**
     * The same series where only days with {@code inStock[day]} count; a stockout day is dropped
     * together with whatever sold that day, so a partial day does not pull the rate down.
     */
    public DemandSeries withInStock(boolean[] inStock) {
        if (inStock.length != length) {
            throw new IllegalArgumentException(
                    "the in-stock mask has " + inStock.length + " days, the series " + length);
        }
        boolean[] both = new boolean[length];
        for (int day = 0; day < length; day++) {
            both[day] = counted[day] && inStock[day];
        }
        return new DemandSeries(firstDay, demand, both, length, calendar);
    }

    /** The first {@code days} days: the history as it was known at {@code firstDay + days}. */
    public DemandSeries truncate(int days) {
        if (days < 0 || days > length) {
            throw new IllegalArgumentException("cannot keep " + days + " of " + length + " days");
        }
        return new DemandSeries(firstDay, demand, counted, days, calendar);
    }

    /** This series with other demand values on the same days (after outlier damping). */
    DemandSeries withDemand(double[] newDemand) {
        return new DemandSeries(firstDay, newDemand, counted, length, calendar);
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    /** The day after the last day: the first day a forecast is for. */
    public LocalDate end() {
        return firstDay.plusDays(length);
    }

    public int length() {
        return length;
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    public double demand(int day) {
        checkIndex(day);
        return demand[day];
    }

    public boolean counted(int day) {
        checkIndex(day);
        return counted[day];
    }

    /** Days that count for velocity. */
    public int countedDays() {
        int days = 0;
        for (int day = 0; day < length; day++) {
            if (counted[day]) {
                days++;
            }
        }
        return days;
    }

    /** Total demand over days {@code from} (inclusive) to {@code to} (exclusive), every day. */
    public double total(int from, int to) {
        double total = 0;
        for (int day = Math.max(0, from); day < Math.min(to, length); day++) {
            total += demand[day];
        }
        return total;
    }

    /** Index of {@code day} in this series (may be negative or past the end). */
    public int indexOf(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(firstDay, day);
    }

    /** Direct access for the methods in this package; callers must respect {@link #length}. */
    double[] demandArray() {
        return demand;
    }

    boolean[] countedArray() {
        return counted;
    }

    private void checkIndex(int day) {
        if (day < 0 || day >= length) {
            throw new IndexOutOfBoundsException("day " + day + " of a series of " + length + " days");
        }
    }
}
