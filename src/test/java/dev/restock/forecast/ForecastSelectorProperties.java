package dev.restock.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The selector's backtest, which caps every origin's training history from one sort, chooses
 * exactly what the straightforward backtest ({@link ReferenceForecastSelector}: every origin
 * damped and fitted from scratch) chooses, with the same errors and the same forecast, to the
 * last bit.
 */
class ForecastSelectorProperties {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

    @Property(tries = 300)
    void choosesTheSameMethodErrorAndForecastAsTheReferenceBacktest(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 800) int length,
            @ForAll @DoubleRange(min = 0.01, max = 1) double density,
            @ForAll @IntRange(min = 1, max = 30) int maxUnits,
            @ForAll @DoubleRange(min = 0, max = 0.05) double spikeChance,
            @ForAll boolean fractional,
            @ForAll boolean weekdaysOnly) {
        Random random = new Random(seed);
        TradingCalendar calendar = calendar(random, 820, weekdaysOnly);
        List<DemandSeries> warehouse = new ArrayList<>();
        for (int other = 0; other < 3; other++) {
            warehouse.add(
                    series(random, calendar, 1 + random.nextInt(820), density, maxUnits, spikeChance, fractional));
        }
        DemandSeries history = series(random, calendar, length, density, maxUnits, spikeChance, fractional);
        warehouse.add(history);
        WarehousePool pool = WarehousePool.estimate(warehouse, OutlierDamper.standard());
        ForecastSelector fast = ForecastSelector.standard(pool);
        ReferenceForecastSelector reference = new ReferenceForecastSelector(
                fast.candidates(), fast.fallback(), fast.damper(), pool.prior(), ForecastSelector.Settings.standard());

        Forecast expected = reference.select(history, 105);
        Forecast actual = fast.select(history, 105);

        assertThat(actual.method()).isEqualTo(expected.method());
        assertThat(actual.backtest()).isEqualTo(expected.backtest());
        assertThat(actual.candidates()).isEqualTo(expected.candidates());
        assertThat(actual.dailyDemand()).containsExactly(expected.dailyDemand());
    }

    @Property(tries = 300)
    void capsEveryPrefixAsDampingThatPrefixAloneDoes(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 400) int length,
            @ForAll @DoubleRange(min = 0.01, max = 1) double density,
            @ForAll @DoubleRange(min = 0, max = 0.2) double spikeChance,
            @ForAll boolean fractional) {
        Random random = new Random(seed);
        DemandSeries history =
                series(random, calendar(random, length, false), length, density, 5, spikeChance, fractional);
        int[] ends = random.ints(1 + random.nextInt(8), 0, length + 1).sorted().toArray();
        OutlierDamper damper = OutlierDamper.standard();

        double[] caps = damper.thresholds(history, ends);

        for (int index = 0; index < ends.length; index++) {
            assertThat(caps[index])
                    .as("cap of the first %d days", ends[index])
                    .isEqualTo(damper.threshold(history.truncate(ends[index])));
        }
    }

    /** A calendar with a few closed days (and weekends, if asked) from {@link #FIRST}. */
    private static TradingCalendar calendar(Random random, int days, boolean weekdaysOnly) {
        boolean[] traded = new boolean[days];
        for (int day = 0; day < days; day++) {
            int weekday = FIRST.plusDays(day).getDayOfWeek().getValue();
            traded[day] = !(weekdaysOnly && weekday >= 6) && random.nextDouble() > 0.03;
        }
        return TradingCalendar.of(FIRST, traded);
    }

    /** A series ending where the calendar ends, of whole or fractional units with rare huge days. */
    private static DemandSeries series(
            Random random,
            TradingCalendar calendar,
            int length,
            double density,
            int maxUnits,
            double spikeChance,
            boolean fractional) {
        int calendarDays = calendar.indexOf(calendar.lastDay()) + 1;
        int days = Math.min(length, calendarDays);
        double[] demand = new double[days];
        for (int day = 0; day < days; day++) {
            if (random.nextDouble() < density) {
                double units = 1 + random.nextInt(maxUnits);
                demand[day] = fractional ? units * 0.125 + random.nextInt(7) * 0.1 : units;
                if (random.nextDouble() < spikeChance) {
                    demand[day] *= 50 + random.nextInt(500);
                }
            }
        }
        return DemandSeries.of(calendar.firstDay().plusDays(calendarDays - days), demand, calendar);
    }
}
