package dev.restock.replenishment;

import dev.restock.forecast.VariantForecast;
import dev.restock.replenishment.PlanningRecords.Setting;
import dev.restock.replenishment.PlanningRecords.VariantInfo;
import dev.restock.replenishment.PlanningRecords.VendorChoice;
import dev.restock.replenishment.PlanningRecords.WarehouseInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One run of the report over data already read: plans kits before their components so that
 * component needs flow down level by level, then suggests transfers and re-plans the warehouses
 * that receive one. Not thread-safe; used once.
 */
final class ReportComputation {

    /** A planned variant and warehouse; the input is kept only for lines being explained. */
    record Planned(
            VariantWarehouse key,
            ReplenishmentInput input,
            ReplenishmentResult result,
            String method,
            LineStatus status,
            BigDecimal componentNeeds) {}

    private final LocalDate today;
    private final int horizon;
    private final Map<VariantWarehouse, Setting> settings;
    private final Map<VariantWarehouse, VariantForecast> forecasts;
    private final Map<Long, VendorChoice> vendors;
    private final KitExplosion kits;
    private final Map<Long, VariantInfo> kitVariants;
    private final Map<Long, WarehouseInfo> warehouses;
    private final Map<VariantWarehouse, BigDecimal> onOrder;
    private final Map<VariantWarehouse, BigDecimal> componentNeeds = new HashMap<>();

    ReportComputation(
            LocalDate today,
            int horizon,
            Map<VariantWarehouse, Setting> settings,
            Map<VariantWarehouse, VariantForecast> forecasts,
            Map<Long, VendorChoice> vendors,
            KitExplosion kits,
            Map<Long, VariantInfo> kitVariants,
            Map<Long, WarehouseInfo> warehouses,
            Map<VariantWarehouse, BigDecimal> onOrder) {
        this.today = today;
        this.horizon = horizon;
        this.settings = settings;
        this.forecasts = forecasts;
        this.vendors = vendors;
        this.kits = kits;
        this.kitVariants = kitVariants;
        this.warehouses = warehouses;
        this.onOrder = onOrder;
    }

    /** Every line, with inputs kept for the keys {@code keepInput} accepts. */
    Result run(Predicate<VariantWarehouse> keepInput) {
        Map<VariantWarehouse, Planned> planned = new LinkedHashMap<>();
        for (VariantWarehouse key : keysKitsFirst()) {
            Planned line = plan(key, BigDecimal.ZERO, keepInput);
            passNeedsToComponents(key, line.result().replenishment());
            planned.put(key, line);
        }

        List<TransferSuggestion> transfers = TransferPlanner.suggest(
                planned.values().stream().map(Planned::result).toList());
        Map<VariantWarehouse, BigDecimal> transferIn = transfersIn(transfers);
        transferIn.forEach((key, quantity) -> planned.put(key, plan(key, quantity, keepInput)));
        return new Result(List.copyOf(planned.values()), transfers, transferIn);
    }

    private Planned plan(VariantWarehouse key, BigDecimal transferIn, Predicate<VariantWarehouse> keepInput) {
        ReplenishmentInput input = input(key, transferIn);
        ReplenishmentResult result = ReplenishmentCalculator.calculate(input, today);
        return new Planned(
                key,
                keepInput.test(key) ? input : null,
                result,
                method(key),
                LineStatus.of(result, input),
                input.componentNeeds());
    }

    record Result(
            List<Planned> planned, List<TransferSuggestion> transfers, Map<VariantWarehouse, BigDecimal> transferIn) {}

    /**
     * Each level counts once: a kit passes its own replenishment (what it still needs after its
     * stock) to its direct components only; a component that is itself an assembly adds that to
     * its need and passes its own replenishment further down when its turn comes.
     */
    private void passNeedsToComponents(VariantWarehouse kit, BigDecimal replenishment) {
        if (replenishment.signum() <= 0) {
            return;
        }
        for (ComponentLine line : kits.componentsOf(kit.variantId())) {
            componentNeeds.merge(
                    new VariantWarehouse(line.componentId(), kit.warehouseId()),
                    replenishment.multiply(line.quantity()),
                    BigDecimal::add);
        }
    }

    /** Sales series and settings, plus the components of every kit planned in a warehouse. */
    private List<VariantWarehouse> keysKitsFirst() {
        Set<VariantWarehouse> keys = new LinkedHashSet<>(forecasts.keySet());
        keys.addAll(settings.keySet());
        Deque<VariantWarehouse> kitsToExpand = new ArrayDeque<>(keys);
        while (!kitsToExpand.isEmpty()) {
            VariantWarehouse kit = kitsToExpand.pop();
            for (ComponentLine line : kits.componentsOf(kit.variantId())) {
                VariantWarehouse component = new VariantWarehouse(line.componentId(), kit.warehouseId());
                if (keys.add(component)) {
                    kitsToExpand.push(component);
                }
            }
        }
        List<VariantWarehouse> ordered = new ArrayList<>(keys);
        ordered.sort(Comparator.comparingInt(key -> kits.depth(key.variantId())));
        return ordered;
    }

    private ReplenishmentInput input(VariantWarehouse key, BigDecimal transferIn) {
        Setting setting = settings.containsKey(key) ? settings.get(key) : defaults(key);
        VariantForecast forecast = forecasts.get(key);
        DemandWindow demand = forecast == null
                ? DemandWindow.constant(BigDecimal.ZERO, horizon)
                : DemandWindow.of(forecast.forecast(), horizon);
        StockPosition position = new StockPosition(
                setting.available(), setting.inTransit().add(transferIn), onOrder.getOrDefault(key, BigDecimal.ZERO));
        VendorChoice vendor = vendors.get(key.variantId());
        return new ReplenishmentInput(
                key.variantId(),
                setting.sku(),
                setting.warehouse(),
                setting.timeZone(),
                demand,
                setting.policy(),
                position,
                componentNeeds.getOrDefault(key, BigDecimal.ZERO),
                vendor == null ? VendorTerms.none() : vendor.terms(),
                setting.price());
    }

    private String method(VariantWarehouse key) {
        VariantForecast forecast = forecasts.get(key);
        return forecast == null ? "none" : forecast.forecast().method();
    }

    private Setting defaults(VariantWarehouse key) {
        VariantForecast forecast = forecasts.get(key);
        VariantInfo variant = kitVariants.get(key.variantId());
        WarehouseInfo warehouse = warehouses.get(key.warehouseId());
        return new Setting(
                key,
                forecast != null ? forecast.sku() : variant.sku(),
                warehouse.code(),
                warehouse.timeZone(),
                new StockPolicy(
                        OptionalInt.empty(),
                        ReplenishmentReport.DEFAULT_DAYS_OF_STOCK,
                        BigDecimal.ZERO,
                        Optional.empty()),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                variant == null ? BigDecimal.ZERO : variant.price());
    }

    private Map<VariantWarehouse, BigDecimal> transfersIn(List<TransferSuggestion> transfers) {
        Map<String, Long> idsByCode = new HashMap<>();
        warehouses.values().forEach(warehouse -> idsByCode.put(warehouse.code(), warehouse.id()));
        Map<VariantWarehouse, BigDecimal> in = new HashMap<>();
        for (TransferSuggestion transfer : transfers) {
            VariantWarehouse destination =
                    new VariantWarehouse(transfer.variantId(), idsByCode.get(transfer.toWarehouse()));
            in.merge(destination, transfer.quantity(), BigDecimal::add);
        }
        return in;
    }
}
