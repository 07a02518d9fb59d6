package dev.restock.replenishment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Suggests transfers between the warehouses of each variant: from those with overstock to those
 * with a replenishment, before anything is bought. Pure.
 */
public final class TransferPlanner {

    private TransferPlanner() {}

    /**
     * Transfers over the per-warehouse results of any number of variants. A source gives at most
     * its overstock and never more than it has available (stock on order or in transit cannot be
     * moved yet); a destination receives at most its replenishment. Largest overstock goes to the
     * largest shortage first; ties by warehouse name, so the same results give the same transfers.
     */
    public static List<TransferSuggestion> suggest(List<ReplenishmentResult> results) {
        Map<Long, List<ReplenishmentResult>> byVariant = new LinkedHashMap<>();
        for (ReplenishmentResult result : results) {
            byVariant
                    .computeIfAbsent(result.variantId(), variant -> new ArrayList<>())
                    .add(result);
        }
        List<TransferSuggestion> transfers = new ArrayList<>();
        byVariant.values().forEach(warehouses -> transfers.addAll(suggestForVariant(warehouses)));
        return List.copyOf(transfers);
    }

    private static List<TransferSuggestion> suggestForVariant(List<ReplenishmentResult> warehouses) {
        List<Balance> sources =
                balances(warehouses, result -> result.overstock().min(result.available()));
        List<Balance> destinations = balances(warehouses, ReplenishmentResult::replenishment);
        List<TransferSuggestion> transfers = new ArrayList<>();
        for (Balance source : sources) {
            for (Balance destination : destinations) {
                BigDecimal quantity = source.left.min(destination.left);
                if (quantity.signum() > 0) {
                    transfers.add(new TransferSuggestion(
                            source.result.variantId(),
                            source.result.sku(),
                            source.result.warehouse(),
                            destination.result.warehouse(),
                            quantity));
                    source.left = source.left.subtract(quantity);
                    destination.left = destination.left.subtract(quantity);
                }
            }
        }
        return transfers;
    }

    private static List<Balance> balances(
            List<ReplenishmentResult> warehouses, Function<ReplenishmentResult, BigDecimal> quantity) {
        return warehouses.stream()
                .filter(result -> quantity.apply(result).signum() > 0)
                .map(result -> new Balance(result, quantity.apply(result)))
                .sorted(Comparator.comparing((Balance balance) -> balance.left)
                        .reversed()
                        .thenComparing(balance -> balance.result.warehouse()))
                .toList();
    }

    /** What a warehouse still has to give or to receive while transfers are matched. */
    private static final class Balance {
        private final ReplenishmentResult result;
        private BigDecimal left;

        private Balance(ReplenishmentResult result, BigDecimal left) {
            this.result = result;
            this.left = left;
        }
    }
}
