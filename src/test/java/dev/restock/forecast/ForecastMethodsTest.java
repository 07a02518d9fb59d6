package dev.restock.forecast;

import static dev.restock.forecast.ForecastTestSeries.constant;
import static dev.restock.forecast.ForecastTestSeries.everyDay;
import static dev.restock.forecast.ForecastTestSeries.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastMethodsTest {

    @Test
    void crostonSmoothsSizesAndIntervalsOfAnIntermittentSeries() {
        // Sizes 6, 2, 4 after 3, 2 and 4 counted days; start at mean size 4 and interval 9 / 3 = 3.
        // alpha 0.5: size 4 -> 5 -> 3.5 -> 3.75; interval 3 -> 3 -> 2.5 -> 3.25.
        DemandSeries series = everyDay(0, 0, 6, 0, 2, 0, 0, 0, 4);

        double croston = new Croston(0.5, false).rate(series);
        double sba = new Croston(0.5, true).rate(series);

        assertThat(croston).isCloseTo(3.75 / 3.25, within(1e-12));
        assertThat(sba).as("SBA takes off alpha / 2").isCloseTo(0.75 * 3.75 / 3.25, within(1e-12));
    }

    @Test
    void crostonForecastsNothingWithoutDemand() {
        assertThat(Croston.sba().forecast(everyDay(0, 0, 0), 7)).containsOnly(0.0);
    }

    @Test
    void recentAverageUsesOnlyTheLastCountedDays() {
        DemandSeries series = everyDay(100, 100, 1, 2, 3);

        assertThat(RecentAverage.rate(series, 3)).isEqualTo(2.0);
    }

    @Test
    void dampedTrendFollowsARisingSeriesAndAFlatAverageLagsBehind() {
        double[] demand = new double[140];
        for (int day = 0; day < demand.length; day++) {
            demand[day] = 1 + day / 7.0;
        }
        DemandSeries series = everyDay(demand);

        double trend = sum(DampedTrend.standard().forecast(series, 7));
        double average = sum(new RecentAverage(56).forecast(series, 7));

        // The next week's true total is 7 * (1 + 143 / 7) = 150; the 56-day average says 118.5.
        assertThat(average).isCloseTo(118.5, within(1e-9));
        assertThat(trend)
                .as("closer to 150 than the average, not past it")
                .isGreaterThan(average)
                .isLessThan(150.0);
    }

    @Test
    void seasonalMethodBeatsTheRecentAverageOnAYearlyPattern() {
        int history = 2 * SeasonalScaled.YEAR;
        double[] all = new double[history + 56];
        for (int day = 0; day < all.length; day++) {
            all[day] = 20 + 15 * Math.sin(2 * Math.PI * day / SeasonalScaled.YEAR);
        }
        DemandSeries series = everyDay(all);
        DemandSeries training = series.truncate(history);
        double[] actual = Horizon.weeklyTotals(java.util.Arrays.copyOfRange(all, history, all.length));

        double seasonalError = ForecastSelector.absoluteError(
                Horizon.weeklyTotals(SeasonalScaled.standard().forecast(training, 56)), actual);
        double averageError = ForecastSelector.absoluteError(
                Horizon.weeklyTotals(new RecentAverage(56).forecast(training, 56)), actual);

        assertThat(SeasonalScaled.standard().appliesTo(training)).isTrue();
        assertThat(seasonalError).isLessThan(averageError / 5);
        assertThat(seasonalError / sum(actual))
                .as("WAPE of the seasonal method")
                .isLessThan(0.03);
    }

    @Test
    void seasonalMethodNeedsAYearOfHistory() {
        assertThat(SeasonalScaled.standard().appliesTo(everyDay(constant(400, 1))))
                .isFalse();
        assertThat(SeasonalScaled.standard().appliesTo(everyDay(constant(420, 1))))
                .isTrue();
    }

    @Test
    void pooledTrendMovesTheVariantRateWithItsWarehouse() {
        double[] rising = new double[140];
        for (int day = 0; day < rising.length; day++) {
            rising[day] = 100 + day;
        }
        DemandSeries warehouse = everyDay(rising);
        DemandSeries variant = everyDay(constant(140, 2));

        double[] pooled = new PooledTrend(WarehousePool.of(warehouse), 28, DampedTrend.standard()).forecast(variant, 7);

        assertThat(pooled[0])
                .as("above the variant's own flat 2 a day")
                .isGreaterThan(2.0)
                .isLessThan(2 * PooledTrend.MAX_GROWTH);
    }

    @Test
    void naiveRepeatsLastWeekAndSeasonalNaiveTheWeekAYearEarlier() {
        double[] demand = new double[SeasonalScaled.YEAR + 14];
        for (int day = 0; day < demand.length; day++) {
            demand[day] = day < 7 ? 3 : 1;
        }
        DemandSeries series = everyDay(demand).truncate(SeasonalScaled.YEAR);

        double[] naive = Horizon.weeklyTotals(new NaiveWeekly().forecast(series, 14));
        double[] seasonalNaive = Horizon.weeklyTotals(new SeasonalNaiveWeekly().forecast(series, 14));

        assertThat(naive[0]).isCloseTo(7, within(1e-9));
        assertThat(naive[1]).isCloseTo(7, within(1e-9));
        assertThat(seasonalNaive[0]).as("week one a year earlier").isCloseTo(21, within(1e-9));
        assertThat(seasonalNaive[1]).isCloseTo(7, within(1e-9));
    }
}
