package dev.restock.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReplenishmentProperties {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 20);

    private static final ReplenishmentCalculator CALCULATOR =
            new ReplenishmentCalculator(Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

    @Property
    void toOrderIsNeverNegative(@ForAll("inputs") ReplenishmentInput input) {
        assertThat(CALCULATOR.calculate(input).toOrder()).isNotNegative();
    }

    @Property
    void toOrderIsAWholeNumberOfOrderMultiples(@ForAll("inputs") ReplenishmentInput input) {
        BigDecimal toOrder = CALCULATOR.calculate(input).toOrder();

        assertThat(toOrder.remainder(input.vendor().orderMultiple())).isZero();
    }

    @Property
    void toOrderIsZeroOrAtLeastTheMoq(@ForAll("inputs") ReplenishmentInput input) {
        BigDecimal toOrder = CALCULATOR.calculate(input).toOrder();

        assertThat(toOrder.signum() == 0 || toOrder.compareTo(input.vendor().moq()) >= 0)
                .isTrue();
    }

    @Property
    void toOrderNeverTakesStockAboveMaximumStock(@ForAll("inputs") ReplenishmentInput input) {
        BigDecimal toOrder = CALCULATOR.calculate(input).toOrder();

        input.policy().maxStock().ifPresent(max -> {
            BigDecimal room = max.subtract(input.position().total()).max(BigDecimal.ZERO);
            assertThat(toOrder).isLessThanOrEqualTo(room);
        });
    }

    @Property
    void maximumStockNeverBlocksAnOrderWhenAValidOrderFits(@ForAll("inputs") ReplenishmentInput input) {
        ReplenishmentResult result = CALCULATOR.calculate(input);
        BigDecimal pack = input.vendor().orderMultiple();
        BigDecimal smallestOrder = input.vendor()
                .moq()
                .divide(pack, 0, RoundingMode.CEILING)
                .max(BigDecimal.ONE)
                .multiply(pack);

        boolean fits = input.policy()
                .maxStock()
                .map(max -> max.subtract(input.position().total()).compareTo(smallestOrder) >= 0)
                .orElse(true);
        if (fits && result.replenishment().signum() > 0) {
            assertThat(result.toOrder()).isPositive();
        }
    }

    @Property
    void onOrderOfAVariantDoesNotChangeWhenAnotherVariantsLinesChange(
            @ForAll("quantities") List<BigDecimal> ownLines, @ForAll("quantities") List<BigDecimal> otherLines) {
        List<OnOrderLine> before = new ArrayList<>(lines(7, ownLines));
        List<OnOrderLine> after = new ArrayList<>(lines(7, ownLines));
        after.addAll(lines(8, otherLines));
        VariantWarehouse own = new VariantWarehouse(7, 1);

        BigDecimal onOrderBefore =
                OnOrderTally.onOrderInWindow(before, key -> LAST_DAY).get(own);
        BigDecimal onOrderAfter =
                OnOrderTally.onOrderInWindow(after, key -> LAST_DAY).get(own);

        assertThat(onOrderAfter).isEqualTo(onOrderBefore);
    }

    @Property
    void toOrderCoversTheReplenishmentWhenThereIsNoMaximumStock(@ForAll("inputs") ReplenishmentInput input) {
        ReplenishmentResult result = CALCULATOR.calculate(input);

        if (input.policy().maxStock().isEmpty()) {
            assertThat(result.toOrder()).isGreaterThanOrEqualTo(result.replenishment());
            assertThat(result.blockedByMaxStock()).isZero();
        }
    }

    @Property
    void aVariantsResultDoesNotChangeWhenAnUnrelatedVariantChanges(
            @ForAll("inputs") ReplenishmentInput input,
            @ForAll("inputs") ReplenishmentInput unrelated,
            @ForAll("inputs") ReplenishmentInput unrelatedChanged) {
        ReplenishmentInput other = withVariant(unrelated, 2);
        ReplenishmentInput otherChanged = withVariant(unrelatedChanged, 2);

        ReplenishmentResult before =
                CALCULATOR.calculateAll(List.of(input, other)).getFirst();
        ReplenishmentResult after =
                CALCULATOR.calculateAll(List.of(otherChanged, input)).getLast();

        assertThat(after).isEqualTo(before);
    }

    @Provide
    Arbitrary<List<BigDecimal>> quantities() {
        return quantity(100).list().ofMaxSize(5);
    }

    private static List<OnOrderLine> lines(long variantId, List<BigDecimal> quantities) {
        UUID order = UUID.nameUUIDFromBytes(new byte[] {(byte) variantId});
        return quantities.stream()
                .map(quantity -> new OnOrderLine(order, variantId, 1, "active", LAST_DAY, quantity, BigDecimal.ZERO))
                .toList();
    }

    @Provide
    Arbitrary<ReplenishmentInput> inputs() {
        Arbitrary<DemandWindow> demand = quantity(50).map(perDay -> DemandWindow.constant(perDay, 60));
        return Combinators.combine(demand, policies(), positions(), quantity(20), vendors())
                .as((window, policy, position, componentNeeds, vendor) -> new ReplenishmentInput(
                        1,
                        "SKU-1",
                        "MAIN",
                        ZoneOffset.UTC,
                        window,
                        policy,
                        position,
                        componentNeeds,
                        vendor,
                        BigDecimal.ONE));
    }

    private static Arbitrary<StockPolicy> policies() {
        Arbitrary<Optional<BigDecimal>> maxStock = quantity(2000).optional(0.7);
        return Combinators.combine(
                        Arbitraries.integers().between(0, 30),
                        Arbitraries.integers().between(0, 30),
                        quantity(200),
                        maxStock)
                .as((lead, days, min, max) -> new StockPolicy(OptionalInt.of(lead), days, min, max));
    }

    private static Arbitrary<StockPosition> positions() {
        return Combinators.combine(quantity(1000), quantity(100), quantity(100)).as(StockPosition::new);
    }

    private static Arbitrary<VendorTerms> vendors() {
        Arbitrary<BigDecimal> multiples =
                Arbitraries.of("0.125", "0.25", "1", "6", "10", "12.5", "48").map(BigDecimal::new);
        return Combinators.combine(quantity(100), multiples)
                .as((moq, multiple) -> new VendorTerms(moq, multiple, OptionalInt.empty()));
    }

    private static Arbitrary<BigDecimal> quantity(int max) {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.valueOf(max))
                .ofScale(3);
    }

    private static ReplenishmentInput withVariant(ReplenishmentInput input, long variantId) {
        return new ReplenishmentInput(
                variantId,
                "SKU-" + variantId,
                input.warehouse(),
                input.timeZone(),
                input.demand(),
                input.policy(),
                input.position(),
                input.componentNeeds(),
                input.vendor(),
                input.unitPrice());
    }
}
