package dev.restock.forecast;

import static dev.restock.forecast.ForecastTestSeries.constant;
import static dev.restock.forecast.ForecastTestSeries.everyDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

    @Test
    void measuresEveryMethodBaselineAndTheChoiceOnTheHoldOutWeeks() {
        List<VariantSeries> series = List.of(variant(1, constant(196, 2)), variant(2, constant(196, 5)));

        BacktestReport report = Backtest.standard().run(series, 8);

        assertThat(report.series()).isEqualTo(2);
        assertThat(report.holdoutWeeks()).isEqualTo(8);
        assertThat(report.actualDemand()).isCloseTo(56 * 7, within(1e-9));
        assertThat(report.rows())
                .extracting(BacktestReport.Row::name)
                .containsExactly(
                        "recent-average",
                        "damped-trend",
                        "pooled-trend",
                        "seasonal",
                        "sba",
                        "naive",
                        "seasonal-naive",
                        "per-variant choice");
        assertThat(report.rows())
                .filteredOn(row -> !row.name().equals("sba"))
                .allSatisfy(row -> assertThat(row.wape()).isCloseTo(0, within(1e-9)));
        assertThat(report.rows())
                .filteredOn(row -> row.name().equals("sba"))
                .singleElement()
                .satisfies(row -> assertThat(row.bias())
                        .as("SBA's correction on a steady series")
                        .isCloseTo(-0.05, within(1e-9)));
        assertThat(report.holdoutFrom()).isEqualTo(ForecastTestSeries.MONDAY.plusDays(140));
    }

    @Test
    void theHoldOutDoesNotChangeAnyChoice() {
        List<VariantSeries> calm = new ArrayList<>();
        List<VariantSeries> wild = new ArrayList<>();
        for (int id = 1; id <= 20; id++) {
            double[] demand = new double[196];
            for (int day = 0; day < demand.length; day++) {
                demand[day] = (day * id) % 7 == 0 ? id : 0;
            }
            calm.add(variant(id, demand));
            double[] changed = demand.clone();
            for (int day = 140; day < changed.length; day++) {
                changed[day] = 1000 * id;
            }
            wild.add(variant(id, changed));
        }

        BacktestReport fromCalm = Backtest.standard().run(calm, 8);
        BacktestReport fromWild = Backtest.standard().run(wild, 8);

        assertThat(fromWild.choices()).isEqualTo(fromCalm.choices());
        assertThat(fromWild.actualDemand()).isGreaterThan(fromCalm.actualDemand());
    }

    @Test
    void aVariantFirstSoldInsideTheHoldOutIsLeftOut() {
        double[] late = new double[196];
        late[150] = 4;

        BacktestReport report = Backtest.standard().run(List.of(variant(1, constant(196, 1)), variant(2, late)), 8);

        assertThat(report.series()).isEqualTo(1);
    }

    private static VariantSeries variant(long id, double[] demand) {
        return new VariantSeries(id, "SKU-" + id, 1, "LDN", everyDay(demand));
    }
}
