package dev.restock.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Small series for forecast tests. Days start on a Monday so that weeks are easy to read. */
final class ForecastTestSeries {

    static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);

    private ForecastTestSeries() {}

    /** A store open every day, with this demand per day from {@link #MONDAY}. */
    static DemandSeries everyDay(double... demand) {
        return DemandSeries.of(MONDAY, demand, TradingCalendar.everyDay(MONDAY, demand.length));
    }

    /** A store closed on Saturdays and Sundays, with this demand per day from {@link #MONDAY}. */
    static DemandSeries weekdaysOnly(double... demand) {
        boolean[] traded = new boolean[demand.length];
        for (int day = 0; day < demand.length; day++) {
            DayOfWeek weekday = MONDAY.plusDays(day).getDayOfWeek();
            traded[day] = weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
        }
        return DemandSeries.of(MONDAY, demand, TradingCalendar.of(MONDAY, traded));
    }

    /** {@code days} days of {@code perDay} demand, every day. */
    static double[] constant(int days, double perDay) {
        double[] demand = new double[days];
        java.util.Arrays.fill(demand, perDay);
        return demand;
    }

    static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }
}
