package dev.restock.forecast;

import static dev.restock.forecast.ForecastTestSeries.constant;
import static dev.restock.forecast.ForecastTestSeries.everyDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastSelectorTest {

    private static final ForecastSelector AVERAGE_OR_TREND = new ForecastSelector(
            List.of(new RecentAverage(56), DampedTrend.standard()),
            new RecentAverage(56),
            OutlierDamper.standard(),
            NewVariantPrior.none(),
            ForecastSelector.Settings.standard());

    @Test
    void choosesTheMethodWithTheLowestBacktestErrorAndShowsEveryScore() {
        double[] rising = new double[200];
        for (int day = 0; day < rising.length; day++) {
            rising[day] = 1 + day / 5.0;
        }

        Forecast forecast = AVERAGE_OR_TREND.select(everyDay(rising), 28);

        assertThat(forecast.method()).isEqualTo("damped-trend");
        assertThat(forecast.candidates())
                .extracting(MethodScore::method)
                .containsExactly("recent-average", "damped-trend");
        MethodScore average = forecast.candidates().getFirst();
        assertThat(forecast.backtest().origins()).isEqualTo(6);
        assertThat(forecast.backtest().wape()).isPositive().isLessThan(average.wape());
        assertThat(forecast.horizonDays()).isEqualTo(28);
    }

    @Test
    void theHoldOutCannotInfluenceTheChoice() {
        double[] calm = constant(200, 3);
        calm[20] = 9;
        double[] wild = calm.clone();
        for (int day = 144; day < 200; day++) {
            wild[day] = day % 2 == 0 ? 900 : 0;
        }
        ForecastSelector selector =
                ForecastSelector.standard(WarehousePool.of(everyDay(calm).truncate(144)));

        Forecast fromCalm = selector.select(everyDay(calm).truncate(144), 56);
        Forecast fromWild = selector.select(everyDay(wild).truncate(144), 56);

        assertThat(fromWild).isEqualTo(fromCalm);
    }

    @Test
    void aNewVariantWithThreeDaysOfHistoryGetsAPositiveBoundedForecast() {
        // Shrunk towards 1 a day with the weight of 14 days: (12 + 0 + 3 + 14 * 1) / (3 + 14) = 29 / 17.
        ForecastSelector selector = new ForecastSelector(
                ForecastSelector.standardCandidates(WarehousePool.of(everyDay(1))),
                new RecentAverage(56),
                OutlierDamper.standard(),
                new NewVariantPrior(1, 14),
                ForecastSelector.Settings.standard());

        Forecast forecast = selector.select(everyDay(12, 0, 3), 14);

        assertThat(forecast.method()).isEqualTo("new-variant");
        assertThat(forecast.backtest().backtested()).isFalse();
        assertThat(forecast.dailyDemand()).containsOnly(29.0 / 17);
        assertThat(forecast.demandOn(0))
                .as("between the prior and the variant's own 5 a day")
                .isBetween(1.0, 5.0);
        assertThat(forecast.totalDemand(14)).isCloseTo(14 * 29.0 / 17, within(1e-9));
    }

    @Test
    void theNewVariantPriorIsTheMedianLaunchRateOfTheWarehouse() {
        List<DemandSeries> warehouse = List.of(
                everyDay(constant(40, 1)), everyDay(constant(40, 2)), everyDay(constant(40, 10)), everyDay(1, 2));

        NewVariantPrior prior = NewVariantPrior.estimate(warehouse, OutlierDamper.standard());

        assertThat(prior.rate()).as("the too-short series does not count").isEqualTo(2.0);
        assertThat(prior.weightDays()).isEqualTo(14.0);
    }

    @Test
    void aSeriesWithoutAnySaleForecastsNothing() {
        Forecast forecast = ForecastSelector.standard(WarehousePool.of(everyDay(constant(100, 0))))
                .select(everyDay(constant(100, 0)), 7);

        assertThat(forecast.totalDemand(7)).isZero();
    }
}
