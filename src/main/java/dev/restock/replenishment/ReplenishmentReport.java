package dev.restock.replenishment;

import dev.restock.forecast.DemandForecaster;
import dev.restock.forecast.VariantForecast;
import dev.restock.replenishment.PlanningRecords.Setting;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/**
 * The replenishment report: every variant and warehouse that has sales or planning settings, from
 * a few set-based queries ({@link PlanningQueries}) and one forecast of all series. Thread-safe.
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

    public ReplenishmentReport(PlanningQueries queries, DemandForecaster forecaster) {
        this.queries = queries;
        this.forecaster = forecaster;
    }

    /** The report, sorted by replenishment date (soonest first), then SKU and warehouse. */
    public List<ReplenishmentRow> rows() {
        Optional<LocalDate> firstDay = queries.firstForecastDay();
        if (firstDay.isEmpty()) {
            return List.of();
        }
        Map<VariantWarehouse, Setting> settings = queries.settings(DEFAULT_DAYS_OF_STOCK);
        Map<Long, VendorTerms> terms = queries.vendorTerms();
        int horizon = longestWindow(settings.values(), terms) + EXTRA_FORECAST_DAYS;
        Map<VariantWarehouse, VariantForecast> forecasts = new LinkedHashMap<>();
        for (VariantForecast forecast : forecaster.forecastAll(horizon)) {
            forecasts.put(new VariantWarehouse(forecast.variantId(), forecast.warehouseId()), forecast);
        }

        LocalDate today = firstDay.get();
        Map<VariantWarehouse, BigDecimal> onOrder = OnOrderTally.onOrderInWindow(
                queries.activeOrderLines(), key -> lastDayOfWindow(today, settings.get(key), terms));
        List<ReplenishmentRow> rows = new ArrayList<>();
        for (VariantWarehouse key : allKeys(settings, forecasts)) {
            Setting setting = settings.containsKey(key) ? settings.get(key) : defaults(key, forecasts.get(key));
            ReplenishmentInput input = input(setting, forecasts.get(key), terms, onOrder, horizon);
            String method =
                    forecasts.containsKey(key) ? forecasts.get(key).forecast().method() : "none";
            rows.add(ReplenishmentRow.of(ReplenishmentCalculator.calculate(input, today), method));
        }
        rows.sort(Comparator.comparing(
                        ReplenishmentRow::replenishmentDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ReplenishmentRow::sku)
                .thenComparing(ReplenishmentRow::warehouse));
        return List.copyOf(rows);
    }

    private static ReplenishmentInput input(
            Setting setting,
            VariantForecast forecast,
            Map<Long, VendorTerms> terms,
            Map<VariantWarehouse, BigDecimal> onOrder,
            int horizon) {
        DemandWindow demand = forecast == null
                ? DemandWindow.constant(BigDecimal.ZERO, horizon)
                : DemandWindow.of(forecast.forecast(), horizon);
        StockPosition position = new StockPosition(
                setting.available(), setting.inTransit(), onOrder.getOrDefault(setting.key(), BigDecimal.ZERO));
        // TODO(#3): component needs of bundles and assemblies through KitExplosion, level by level.
        return new ReplenishmentInput(
                setting.key().variantId(),
                setting.sku(),
                setting.warehouse(),
                setting.timeZone(),
                demand,
                setting.policy(),
                position,
                BigDecimal.ZERO,
                terms.getOrDefault(setting.key().variantId(), VendorTerms.none()),
                setting.price());
    }

    private static List<VariantWarehouse> allKeys(
            Map<VariantWarehouse, Setting> settings, Map<VariantWarehouse, VariantForecast> forecasts) {
        Map<VariantWarehouse, Boolean> keys = new LinkedHashMap<>();
        forecasts.keySet().forEach(key -> keys.put(key, true));
        settings.keySet().forEach(key -> keys.put(key, true));
        return List.copyOf(keys.keySet());
    }

    private static Setting defaults(VariantWarehouse key, VariantForecast forecast) {
        return new Setting(
                key,
                forecast.sku(),
                forecast.warehouse(),
                ZoneId.of("UTC"),
                new StockPolicy(OptionalInt.empty(), DEFAULT_DAYS_OF_STOCK, BigDecimal.ZERO, Optional.empty()),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    private static LocalDate lastDayOfWindow(LocalDate today, Setting setting, Map<Long, VendorTerms> terms) {
        int window = setting == null ? DEFAULT_DAYS_OF_STOCK : windowDays(setting, terms);
        // The window is days 0 to window - 1; an order arriving on its last day still serves it.
        return today.plusDays(Math.max(0, window - 1));
    }

    private static int longestWindow(Iterable<Setting> settings, Map<Long, VendorTerms> terms) {
        int longest = DEFAULT_DAYS_OF_STOCK;
        for (Setting setting : settings) {
            longest = Math.max(longest, windowDays(setting, terms));
        }
        return longest;
    }

    private static int windowDays(Setting setting, Map<Long, VendorTerms> terms) {
        OptionalInt vendorLeadTime = terms.getOrDefault(setting.key().variantId(), VendorTerms.none())
                .leadTimeDays();
        int leadTime = setting.policy().leadTimeDays().orElse(vendorLeadTime.orElse(0));
        return leadTime + setting.policy().daysOfStock();
    }
}
