package dev.restock.forecast;

import static dev.restock.forecast.ForecastTestSeries.MONDAY;
import static dev.restock.forecast.ForecastTestSeries.everyDay;
import static dev.restock.forecast.ForecastTestSeries.sum;
import static dev.restock.forecast.ForecastTestSeries.weekdaysOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastSeriesTest {

    @Test
    void closedDaysDoNotLowerTheRate() {
        DemandSeries week = weekdaysOnly(5, 5, 5, 5, 5, 0, 0);

        double rate = RecentAverage.rate(week, 56);
        double[] nextWeek = new RecentAverage(56).forecast(week, 7);

        assertThat(rate).as("5 a trading day, not 25 / 7").isEqualTo(5.0);
        assertThat(week.countedDays()).isEqualTo(5);
        assertThat(nextWeek).as("Monday to Friday open, weekend closed").containsExactly(5, 5, 5, 5, 5, 0, 0);
    }

    @Test
    void outOfStockDaysDoNotCountAsZeroDemand() {
        DemandSeries series = everyDay(4, 4, 0, 0, 4).withInStock(new boolean[] {true, true, false, false, true});

        assertThat(RecentAverage.rate(series, 56)).isEqualTo(4.0);
        assertThat(series.countedDays()).isEqualTo(3);
    }

    @Test
    void aSaleOnADayTheCalendarCallsClosedStillCounts() {
        DemandSeries series = weekdaysOnly(1, 1, 1, 1, 1, 6, 0);

        assertThat(series.counted(5)).isTrue();
        assertThat(series.counted(6)).isFalse();
        assertThat(RecentAverage.rate(series, 56)).isEqualTo(11.0 / 6);
    }

    @Test
    void sameDayCancellationsCancelTheirSaleButLaterReturnsDoNotRewriteHistory() {
        double[] sold = {10, 80_995, 0, 4};
        double[] returned = {0, 80_995, 3, 1};

        DemandSeries series = DemandSeries.ofSales(MONDAY, sold, returned, TradingCalendar.everyDay(MONDAY, 4));

        assertThat(series.demand(0))
                .as("a return two days later leaves the sale")
                .isEqualTo(10);
        assertThat(series.demand(1)).as("ordered and cancelled within minutes").isZero();
        assertThat(series.demand(2)).as("a return alone is not negative demand").isZero();
        assertThat(series.demand(3)).isEqualTo(3);
    }

    @Test
    void anOutlierDayIsDampedToARobustThreshold() {
        // Non-zero days 8..12 and one 500: median 10, MAD 1, so the cap is max(10 + 5 * 1.4826, 3 * 10) = 30.
        DemandSeries series = everyDay(10, 12, 0, 8, 10, 11, 0, 9, 500);

        double threshold = OutlierDamper.standard().threshold(series);
        DemandSeries damped = OutlierDamper.standard().damp(series);

        assertThat(threshold).isEqualTo(30.0);
        assertThat(damped.demand(8)).isEqualTo(30.0);
        assertThat(damped.demand(1)).as("usual days are left alone").isEqualTo(12.0);
        assertThat(RecentAverage.rate(damped, 56)).isCloseTo(90.0 / 9, within(1e-12));
        assertThat(series.demand(8)).as("the original series is unchanged").isEqualTo(500.0);
    }

    @Test
    void aSeriesWithTooFewSalesIsNotDamped() {
        DemandSeries series = everyDay(1, 0, 0, 400);

        assertThat(OutlierDamper.standard().damp(series)).isSameAs(series);
    }

    @Test
    void truncatingKeepsOnlyTheEarlierDays() {
        DemandSeries series = everyDay(1, 2, 3, 4);

        DemandSeries first = series.truncate(2);

        assertThat(first.length()).isEqualTo(2);
        assertThat(first.end()).isEqualTo(MONDAY.plusDays(2));
        assertThat(first.total(0, 10)).isEqualTo(3);
        assertThatThrownBy(() -> first.demand(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void negativeDemandIsRejected() {
        assertThatThrownBy(() -> everyDay(1, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-01-02");
    }

    @Test
    void futureDaysAreWeightedByHowOftenTheirWeekdayTraded() {
        // Four weeks, open Monday to Friday; Sunday opened in two of the four weeks.
        double[] demand = new double[28];
        boolean[] traded = new boolean[28];
        for (int day = 0; day < 28; day++) {
            traded[day] = day % 7 < 5 || (day % 7 == 6 && day < 14);
            demand[day] = traded[day] ? 2 : 0;
        }
        DemandSeries series = DemandSeries.of(MONDAY, demand, TradingCalendar.of(MONDAY, traded));

        double[] nextWeek = new RecentAverage(56).forecast(series, 7);

        assertThat(nextWeek).containsExactly(2, 2, 2, 2, 2, 0, 1);
        assertThat(sum(nextWeek)).isEqualTo(11);
    }
}
