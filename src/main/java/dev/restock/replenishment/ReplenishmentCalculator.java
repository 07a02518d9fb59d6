package dev.restock.replenishment;

import static dev.restock.replenishment.OrderSizer.plain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The replenishment arithmetic of one variant in one warehouse. Pure and exact: every quantity is
 * a {@link BigDecimal}, nothing is rounded except the one rounding to whole vendor packs (see
 * {@link OrderSizer}), and the same input always gives the same result. Thread-safe.
 *
 * <p>The contract, in the order of the steps it reports:
 *
 * <ol>
 *   <li>window = lead time + days of stock; the lead time is the warehouse's setting, else the
 *       vendor's ({@link ReplenishmentInput#leadTimeDays()});
 *   <li>need = forecast demand over the window + minimum stock + component needs;
 *   <li>net = need − available − on order in the window − in transit;
 *   <li>replenishment = max(0, net); overstock = max(0, −net);
 *   <li>to order = replenishment at least the MOQ, rounded up once to whole packs, then capped so
 *       that stock position + to order never exceeds maximum stock, in whole packs that fit;
 *   <li>days of cover and sells-out date: the stock position (available + in transit + on order)
 *       is drawn down by the daily forecast from today; it sells out on the first day it cannot
 *       serve in full;
 *   <li>replenishment date = sells-out date − lead time, computed on calendar dates in the store's
 *       time zone, so neither midnight in UTC nor a daylight-saving change shifts it;
 *   <li>lost revenue = max(0, forecast over the lead time − stock position) × unit price,
 *       rounded half up to cents ({@value #LOST_REVENUE_SCALE} places).
 * </ol>
 *
 * <p>Day 0 of the {@link DemandWindow} is {@code today}. On order is counted as if it were already
 * on the shelf when drawing the stock down, because only its total in the window is known here.
 */
public final class ReplenishmentCalculator {

    /** Decimal places of lost revenue: an estimate in money, kept to cents. */
    public static final int LOST_REVENUE_SCALE = 2;

    private final Clock clock;

    public ReplenishmentCalculator(Clock clock) {
        this.clock = clock;
    }

    /** The replenishment as of today in the input's store time zone, by the injected clock. */
    public ReplenishmentResult calculate(ReplenishmentInput input) {
        return calculate(input, LocalDate.ofInstant(clock.instant(), input.timeZone()));
    }

    /** The replenishment of each input, as of today by the injected clock, in the order given. */
    public List<ReplenishmentResult> calculateAll(List<ReplenishmentInput> inputs) {
        return inputs.stream().map(this::calculate).toList();
    }

    /**
     * The replenishment as of {@code today}, a calendar date in the store's time zone.
     *
     * @throws IllegalArgumentException when the forecast is shorter than lead time + days of stock
     */
    public static ReplenishmentResult calculate(ReplenishmentInput input, LocalDate today) {
        List<CalculationStep> steps = new ArrayList<>();
        BigDecimal net = netRequirement(input, steps);
        BigDecimal replenishment = net.max(BigDecimal.ZERO);
        BigDecimal overstock = net.negate().max(BigDecimal.ZERO);
        steps.add(new CalculationStep("replenishment", replenishment, "max(0, net)"));
        steps.add(new CalculationStep("overstock", overstock, "max(0, -net)"));

        OrderSize order = OrderSizer.size(replenishment, input.vendor(), room(input));
        steps.addAll(order.steps());

        int daysOfCover = daysOfCover(input);
        Optional<LocalDate> sellsOut =
                daysOfCover < input.demand().days() ? Optional.of(today.plusDays(daysOfCover)) : Optional.empty();
        Optional<LocalDate> orderBy = sellsOut.map(day -> day.minusDays(input.leadTimeDays()));
        BigDecimal lostRevenue = lostRevenue(input, steps);

        return new ReplenishmentResult(
                input.variantId(),
                input.sku(),
                input.warehouse(),
                today,
                replenishment,
                order.toOrder(),
                order.blockedByMaxStock(),
                overstock,
                input.position().available(),
                daysOfCover,
                sellsOut,
                orderBy,
                lostRevenue,
                steps);
    }

    private static BigDecimal netRequirement(ReplenishmentInput input, List<CalculationStep> steps) {
        int window = input.windowDays();
        BigDecimal demand = input.demand().total(window);
        steps.add(new CalculationStep(
                "forecast demand",
                demand,
                "over " + window + " days: lead time " + input.leadTimeDays() + " + days of stock "
                        + input.policy().daysOfStock()));

        BigDecimal minStock = input.policy().minStock();
        BigDecimal need = demand.add(minStock).add(input.componentNeeds());
        steps.add(new CalculationStep(
                "need",
                need,
                plain(demand) + " forecast + " + plain(minStock) + " minimum stock + " + plain(input.componentNeeds())
                        + " component needs"));

        StockPosition position = input.position();
        BigDecimal net = need.subtract(position.total());
        steps.add(new CalculationStep(
                "net",
                net,
                plain(need) + " need - " + plain(position.available()) + " available - "
                        + plain(position.onOrderInWindow()) + " on order in window - "
                        + plain(position.inTransit()) + " in transit"));
        return net;
    }

    private static Optional<BigDecimal> room(ReplenishmentInput input) {
        return input.policy()
                .maxStock()
                .map(max -> max.subtract(input.position().total()));
    }

    private static int daysOfCover(ReplenishmentInput input) {
        BigDecimal left = input.position().total();
        List<BigDecimal> daily = input.demand().daily();
        for (int day = 0; day < daily.size(); day++) {
            left = left.subtract(daily.get(day));
            if (left.signum() < 0) {
                return day;
            }
        }
        return daily.size();
    }

    private static BigDecimal lostRevenue(ReplenishmentInput input, List<CalculationStep> steps) {
        BigDecimal duringLeadTime = input.demand().total(input.leadTimeDays());
        BigDecimal unserved = duringLeadTime.subtract(input.position().total()).max(BigDecimal.ZERO);
        // An estimate in money: units to six places times a price would print as 892.2617583.
        BigDecimal lost = unserved.multiply(input.unitPrice()).setScale(LOST_REVENUE_SCALE, RoundingMode.HALF_UP);
        steps.add(new CalculationStep(
                "lost revenue",
                lost,
                plain(unserved) + " units unserved before an order placed today arrives (lead time "
                        + input.leadTimeDays() + " days) x price " + plain(input.unitPrice())));
        return lost;
    }
}
