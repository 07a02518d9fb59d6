package dev.restock.replenishment;

import dev.restock.NotFoundException;
import dev.restock.forecast.DemandForecaster;
import dev.restock.forecast.VariantForecast;
import dev.restock.replenishment.PlanningRecords.Setting;
import dev.restock.replenishment.PlanningRecords.VariantInfo;
import dev.restock.replenishment.PlanningRecords.VendorChoice;
import dev.restock.replenishment.PlanningRecords.WarehouseInfo;
import dev.restock.replenishment.ReportComputation.Planned;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The replenishment report: every variant and warehouse that has sales or planning settings, and
 * the components of the bundles and assemblies among them, from a few set-based queries
 * ({@link PlanningQueries}) and one forecast of all series. Thread-safe.
 *
 * <p>The plan is made for the first forecast day, the day after the last trading day: with a live
 * sales feed that is today; with an old data set (Online Retail ends in 2011) it is the day the
 * data would have been planned on.
 */
@Component
public class ReplenishmentReport {

    /** Days of stock where none is set: about a month, a common monthly buying cycle. */
    static final int DEFAULT_DAYS_OF_STOCK = 30;

    /** Days forecast beyond the longest window, so sells-out dates can fall after the window. */
    private static final int EXTRA_FORECAST_DAYS = 56;

    private final PlanningQueries queries;
    private final DemandForecaster forecaster;
    private final Clock clock;

    public ReplenishmentReport(PlanningQueries queries, DemandForecaster forecaster, Clock clock) {
        this.queries = queries;
        this.forecaster = forecaster;
        this.clock = clock;
    }

    /** The report, sorted by replenishment date (soonest first), then SKU and warehouse. */
    public List<ReplenishmentRow> rows() {
        return plan().lines();
    }

    /** The whole report, computed now, with suggested transfers. */
    public ReplenishmentPlan plan() {
        Optional<Run> run = compute(key -> false);
        if (run.isEmpty()) {
            return new ReplenishmentPlan(null, clock.instant(), List.of(), List.of());
        }
        List<ReplenishmentRow> rows = new ArrayList<>();
        for (Planned planned : run.get().result().planned()) {
            rows.add(run.get().row(planned));
        }
        return new ReplenishmentPlan(
                run.get().today(),
                clock.instant(),
                ReportQuery.all().apply(rows),
                run.get().result().transfers());
    }

    /**
     * The inputs and steps of one line.
     *
     * @throws NotFoundException when the SKU or warehouse does not exist, or the variant is not
     *     planned in that warehouse
     */
    public ReplenishmentExplanation explain(String sku, String warehouseCode) {
        VariantInfo variant = queries.variantBySku(sku)
                .orElseThrow(() -> new NotFoundException("There is no variant with SKU '" + sku
                        + "'. Nothing to explain. `restock plan` lists the planned SKUs."));
        WarehouseInfo warehouse = queries.warehouses().values().stream()
                .filter(candidate -> candidate.code().equalsIgnoreCase(warehouseCode))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no warehouse '" + warehouseCode
                        + "'. Nothing to explain. `restock catalog summary` counts the warehouses."));
        VariantWarehouse key = new VariantWarehouse(variant.id(), warehouse.id());
        Optional<Run> run = compute(key::equals);
        Planned planned = run.flatMap(found -> found.result().planned().stream()
                        .filter(line -> line.key().equals(key))
                        .findFirst())
                .orElseThrow(() -> new NotFoundException("SKU '" + sku + "' has no sales, stock or settings in"
                        + " warehouse '" + warehouse.code() + "', so it is not planned there."));
        ReplenishmentRow row = run.get().row(planned);
        return new ReplenishmentExplanation(
                row,
                ReplenishmentExplanation.Inputs.of(planned.input(), run.get().today(), planned.method(), row.vendor()),
                planned.result().steps());
    }

    private Optional<Run> compute(Predicate<VariantWarehouse> keepInput) {
        Optional<LocalDate> firstDay = queries.firstForecastDay();
        if (firstDay.isEmpty()) {
            return Optional.empty();
        }
        Map<VariantWarehouse, Setting> settings = queries.settings(DEFAULT_DAYS_OF_STOCK);
        Map<Long, VendorChoice> vendors = queries.vendorChoices();
        int horizon = longestWindow(settings.values(), vendors) + EXTRA_FORECAST_DAYS;
        Map<VariantWarehouse, VariantForecast> forecasts = new LinkedHashMap<>();
        for (VariantForecast forecast : forecaster.forecastAll(horizon)) {
            forecasts.put(new VariantWarehouse(forecast.variantId(), forecast.warehouseId()), forecast);
        }

        LocalDate today = firstDay.get();
        Map<VariantWarehouse, BigDecimal> onOrder = OnOrderTally.onOrderInWindow(
                queries.activeOrderLines(), key -> lastDayOfWindow(today, settings.get(key), vendors));
        Map<Long, String> types = queries.kitTypes();
        ReportComputation computation = new ReportComputation(
                today,
                horizon,
                settings,
                forecasts,
                vendors,
                new KitExplosion(queries.components()),
                queries.variantsInBillsOfMaterials(),
                queries.warehouses(),
                onOrder);
        return Optional.of(new Run(today, computation.run(keepInput), vendors, types));
    }

    /** A computation's result with what it takes to turn its lines into report rows. */
    private record Run(
            LocalDate today,
            ReportComputation.Result result,
            Map<Long, VendorChoice> vendors,
            Map<Long, String> types) {

        ReplenishmentRow row(Planned planned) {
            ReplenishmentResult result = planned.result();
            VendorChoice vendor = vendors.get(planned.key().variantId());
            return new ReplenishmentRow(
                    result.sku(),
                    result.warehouse(),
                    result.replenishment(),
                    result.toOrder(),
                    result.replenishmentDate().orElse(null),
                    planned.method(),
                    planned.status().code(),
                    vendor == null ? null : vendor.vendorCode(),
                    result.available(),
                    result.overstock(),
                    planned.componentNeeds(),
                    this.result.transferIn().getOrDefault(planned.key(), BigDecimal.ZERO),
                    result.daysOfCover(),
                    result.lostRevenue(),
                    planned.key().variantId(),
                    types.getOrDefault(planned.key().variantId(), "simple"),
                    planned.key().warehouseId(),
                    vendor == null ? null : vendor.vendorId(),
                    vendor == null ? null : vendor.cost(),
                    vendor == null ? null : vendor.currency());
        }
    }

    private static LocalDate lastDayOfWindow(LocalDate today, Setting setting, Map<Long, VendorChoice> vendors) {
        int window = setting == null ? DEFAULT_DAYS_OF_STOCK : windowDays(setting, vendors);
        // The window is days 0 to window - 1; an order arriving on its last day still serves it.
        return today.plusDays(Math.max(0, window - 1));
    }

    private static int longestWindow(Iterable<Setting> settings, Map<Long, VendorChoice> vendors) {
        int longest = DEFAULT_DAYS_OF_STOCK;
        for (Setting setting : settings) {
            longest = Math.max(longest, windowDays(setting, vendors));
        }
        return longest;
    }

    private static int windowDays(Setting setting, Map<Long, VendorChoice> vendors) {
        VendorChoice vendor = vendors.get(setting.key().variantId());
        OptionalInt vendorLeadTime =
                vendor == null ? OptionalInt.empty() : vendor.terms().leadTimeDays();
        int leadTime = setting.policy().leadTimeDays().orElse(vendorLeadTime.orElse(0));
        return leadTime + setting.policy().daysOfStock();
    }
}
