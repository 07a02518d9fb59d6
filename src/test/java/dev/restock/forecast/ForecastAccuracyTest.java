package dev.restock.forecast;

import static dev.restock.forecast.ForecastTestSeries.everyDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastAccuracyTest {

    @Test
    void wapeAndMaseOnAHandComputedExample() {
        ForecastAccuracy accuracy = new ForecastAccuracy();

        // Series A: errors 2 and 4, mean 3, scale 2 -> MASE 1.5. Series B: errors 0 and 2, mean 1, scale 4 -> 0.25.
        accuracy.add(new double[] {10, 10}, new double[] {8, 14}, 2);
        accuracy.add(new double[] {5, 5}, new double[] {5, 3}, 4);

        assertThat(accuracy.wape()).as("(6 + 2) / (22 + 8)").isCloseTo(8.0 / 30, within(1e-12));
        assertThat(accuracy.mase()).as("(1.5 + 0.25) / 2").isCloseTo(0.875, within(1e-12));
        assertThat(accuracy.bias()).as("30 forecast for 30 actual").isCloseTo(0, within(1e-12));
    }

    @Test
    void aSeriesWithoutWeekToWeekChangeHasNoMase() {
        ForecastAccuracy accuracy = new ForecastAccuracy();

        accuracy.add(new double[] {1}, new double[] {2}, 0);

        assertThat(accuracy.wape()).isEqualTo(0.5);
        assertThat(accuracy.mase()).isNaN();
        assertThat(accuracy.bias()).isEqualTo(-0.5);
    }

    @Test
    void theMaseScaleIsTheMeanWeekToWeekChangeOfTheTrainingWeeks() {
        double[] demand = new double[24];
        for (int day = 0; day < 24; day++) {
            demand[day] = day < 3 ? 100 : day < 10 ? 1 : day < 17 ? 2 : 1;
        }

        // The three leading days are not a whole week; the weeks are 7, 14, 7.
        double scale = ForecastAccuracy.naiveScale(everyDay(demand), 24);

        assertThat(scale).isEqualTo(7.0);
    }
}
