package dev.restock.replenishment;

import static dev.restock.replenishment.ReplenishmentInputs.decimal;
import static dev.restock.replenishment.ReplenishmentInputs.input;
import static dev.restock.replenishment.ReplenishmentInputs.needing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.forecast.Forecast;
import dev.restock.forecast.MethodScore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplenishmentCalculatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void subtractsAvailableOnOrderAndInTransitFromForecastMinimumAndComponentNeeds() {
        // 2 a day over 5 + 10 days = 30; + 5 minimum + 4 components = 39; - 10 - 6 - 3 = 20.
        ReplenishmentInput input = new ReplenishmentInput(
                1,
                "SKU-1",
                "MAIN",
                ReplenishmentInputs.UTC,
                DemandWindow.constant(decimal("2"), 20),
                StockPolicy.of(5, 10).withMinStock(decimal("5")),
                new StockPosition(decimal("10"), decimal("3"), decimal("6")),
                decimal("4"),
                VendorTerms.none(),
                BigDecimal.ZERO);

        ReplenishmentResult result = ReplenishmentCalculator.calculate(input, TODAY);

        assertThat(result.step("forecast demand").value()).isEqualByComparingTo("30");
        assertThat(result.step("need").value()).isEqualByComparingTo("39");
        assertThat(result.replenishment()).isEqualByComparingTo("20");
        assertThat(result.toOrder()).isEqualByComparingTo("20");
        assertThat(result.overstock()).isEqualByComparingTo("0");
    }

    @Test
    void reportsOverstockAndOrdersNothingWhenStockExceedsTheNeed() {
        ReplenishmentInput input = input(
                DemandWindow.constant(decimal("1"), 10),
                StockPolicy.of(2, 3),
                StockPosition.available(decimal("12")),
                VendorTerms.of("12", "6"));

        ReplenishmentResult result = ReplenishmentCalculator.calculate(input, TODAY);

        assertThat(result.replenishment()).isEqualByComparingTo("0");
        assertThat(result.toOrder()).isEqualByComparingTo("0");
        assertThat(result.overstock()).isEqualByComparingTo("7");
    }

    @Test
    void roundsANeedOf37UpToFourCasePacksOf10() {
        ReplenishmentResult result = ReplenishmentCalculator.calculate(needing("37", VendorTerms.of("0", "10")), TODAY);

        assertThat(result.replenishment()).isEqualByComparingTo("37");
        assertThat(result.toOrder()).isEqualByComparingTo("40");
        assertThat(result.step("in whole packs").how()).startsWith("4 packs of 10");
    }

    @Test
    void ordersTheMoqOf12ForANetNeedOf1() {
        ReplenishmentResult result = ReplenishmentCalculator.calculate(needing("1", VendorTerms.of("12", "1")), TODAY);

        assertThat(result.toOrder()).isEqualByComparingTo("12");
    }

    @Test
    void roundsUpOnceAfterAnMoqThatIsNoMultipleOfThePack() {
        // MOQ 12 then packs of 5: 15, not 12 and not 20.
        ReplenishmentResult result = ReplenishmentCalculator.calculate(needing("1", VendorTerms.of("12", "5")), TODAY);

        assertThat(result.toOrder()).isEqualByComparingTo("15");
    }

    @Test
    void maximumEqualToMinimumStillHonoursTheOrderMultiple() {
        // min = max = 10, 3 available: need 7, room 7. Two packs of 4 (8) would pass the maximum,
        // so one pack (4) is ordered and the other 3 are reported as blocked by maximum stock.
        ReplenishmentInput input = input(
                DemandWindow.constant(BigDecimal.ZERO, 10),
                StockPolicy.of(3, 7).withMinStock(decimal("10")).withMaxStock(decimal("10")),
                StockPosition.available(decimal("3")),
                VendorTerms.of("0", "4"));

        ReplenishmentResult result = ReplenishmentCalculator.calculate(input, TODAY);

        assertThat(result.replenishment()).isEqualByComparingTo("7");
        assertThat(result.toOrder()).isEqualByComparingTo("4");
        assertThat(result.blockedByMaxStock()).isEqualByComparingTo("3");
    }

    @Test
    void maximumEqualToMinimumOrdersTheWholeNeedWhenItIsAMultiple() {
        ReplenishmentInput input = input(
                DemandWindow.constant(BigDecimal.ZERO, 10),
                StockPolicy.of(3, 7).withMinStock(decimal("10")).withMaxStock(decimal("10")),
                StockPosition.available(BigDecimal.ZERO),
                VendorTerms.of("0", "5"));

        ReplenishmentResult result = ReplenishmentCalculator.calculate(input, TODAY);

        assertThat(result.toOrder()).isEqualByComparingTo("10");
        assertThat(result.blockedByMaxStock()).isEqualByComparingTo("0");
    }

    @Test
    void ordersNothingWhenNotEvenTheMoqFitsUnderMaximumStock() {
        ReplenishmentInput input = input(
                DemandWindow.constant(BigDecimal.ZERO, 10),
                StockPolicy.of(3, 7).withMinStock(decimal("10")).withMaxStock(decimal("10")),
                StockPosition.available(decimal("3")),
                VendorTerms.of("12", "1"));

        ReplenishmentResult result = ReplenishmentCalculator.calculate(input, TODAY);

        assertThat(result.toOrder()).isEqualByComparingTo("0");
        assertThat(result.blockedByMaxStock()).isEqualByComparingTo("7");
    }

    @Test
    void keeps250MillilitrePacksOfAVariantCountedInLitresExact() {
        // 4.625 litres needed, packs of 0.25 litre: 19 packs = 4.75 litres, exactly.
        ReplenishmentResult result =
                ReplenishmentCalculator.calculate(needing("4.625", VendorTerms.of("0", "0.25")), TODAY);

        assertThat(result.toOrder()).isEqualByComparingTo("4.75");
        assertThat(result.step("in whole packs").how()).startsWith("19 packs of 0.25");
    }

    @Test
    void givesTheStoresCalendarDateWhenTheLeadTimeCrossesMidnightAndADaylightSavingChange() {
        // 23:30 on 7 March in Los Angeles is 07:30 UTC on 8 March; clocks go forward at 02:00
        // on 8 March. 3 in stock sell out on day 3 (10 March); a lead time of 2 days means
        // ordering by 8 March. Adding 24-hour durations to the instant would give 11 and 9 March.
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
        Clock clock = Clock.fixed(Instant.parse("2026-03-08T07:30:00Z"), losAngeles);
        ReplenishmentInput input = inZone(losAngeles);

        ReplenishmentResult result = new ReplenishmentCalculator(clock).calculate(input);

        assertThat(result.today()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(result.sellsOutDate()).contains(LocalDate.of(2026, 3, 10));
        assertThat(result.replenishmentDate()).contains(LocalDate.of(2026, 3, 8));
        assertThat(result.daysOfCover()).isEqualTo(3);
    }

    @Test
    void takesTodayInTheStoresTimeZoneWhenItIsAlreadyTomorrowThere() {
        // 23:30 UTC on 28 March is 00:30 on 29 March in Berlin, the night clocks go forward.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Clock clock = Clock.fixed(Instant.parse("2026-03-28T23:30:00Z"), ZoneId.of("UTC"));

        ReplenishmentResult result = new ReplenishmentCalculator(clock).calculate(inZone(berlin));

        assertThat(result.today()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(result.sellsOutDate()).contains(LocalDate.of(2026, 4, 1));
        assertThat(result.replenishmentDate()).contains(LocalDate.of(2026, 3, 30));
    }

    @Test
    void countsRevenueLostBeforeAnOrderPlacedTodayCanArrive() {
        // 4 a day over a 5-day lead time is 20; 12 in stock leave 8 unserved at 2.50.
        ReplenishmentInput input = new ReplenishmentInput(
                1,
                "SKU-1",
                "MAIN",
                ReplenishmentInputs.UTC,
                DemandWindow.constant(decimal("4"), 10),
                StockPolicy.of(5, 5),
                StockPosition.available(decimal("12")),
                BigDecimal.ZERO,
                VendorTerms.none(),
                decimal("2.50"));

        ReplenishmentResult result = ReplenishmentCalculator.calculate(input, TODAY);

        assertThat(result.lostRevenue()).isEqualByComparingTo("20");
        assertThat(result.sellsOutDate()).contains(TODAY.plusDays(3));
        assertThat(result.replenishmentDate()).contains(TODAY.minusDays(2));
    }

    @Test
    void convertsTheForecastToSixDecimalPlacesAtTheBoundary() {
        Forecast forecast = new Forecast(
                "recent-average",
                new double[] {1.0 / 3, 2.0 / 3, 0.1},
                new MethodScore("recent-average", 0, 0, 0),
                List.of());

        DemandWindow window = DemandWindow.of(forecast, 3);

        assertThat(window.daily()).containsExactly(decimal("0.333333"), decimal("0.666667"), decimal("0.100000"));
        assertThat(window.total(3)).isEqualTo(decimal("1.100000"));
    }

    @Test
    void sumsAnEvenlySpreadForecastWithoutRoundingNoise() {
        // 930 units over 119 days: each day 7.815126... rounded alone would sum to 929.999994.
        double[] days = new double[119];
        java.util.Arrays.fill(days, 930.0 / 119);
        Forecast forecast = new Forecast("new-variant", days, new MethodScore("new-variant", 0, 0, 0), List.of());

        DemandWindow window = DemandWindow.of(forecast, 119);

        assertThat(window.total(119)).isEqualByComparingTo("930");
        assertThat(window.total(7)).isEqualByComparingTo("54.705882");
        assertThat(window.daily()).allSatisfy(day -> assertThat(day.scale()).isEqualTo(DemandWindow.SCALE));
    }

    @Test
    void roundsLostRevenueToCents() {
        // A third of a unit a day over a 5-day lead time: 1.666667 unserved at 1.65 is 2.75.
        ReplenishmentInput input = new ReplenishmentInput(
                1,
                "SKU-1",
                "MAIN",
                ReplenishmentInputs.UTC,
                DemandWindow.constant(decimal("0.333333"), 10),
                StockPolicy.of(5, 5),
                StockPosition.available(BigDecimal.ZERO),
                BigDecimal.ZERO,
                VendorTerms.none(),
                decimal("1.65"));

        ReplenishmentResult result = ReplenishmentCalculator.calculate(input, TODAY);

        assertThat(result.lostRevenue()).isEqualTo(decimal("2.75"));
    }

    private static ReplenishmentInput inZone(ZoneId zone) {
        return new ReplenishmentInput(
                1,
                "SKU-1",
                "MAIN",
                zone,
                DemandWindow.constant(decimal("1"), 10),
                StockPolicy.of(2, 3),
                StockPosition.available(decimal("3")),
                BigDecimal.ZERO,
                VendorTerms.none(),
                BigDecimal.ZERO);
    }
}
