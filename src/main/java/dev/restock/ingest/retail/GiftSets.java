package dev.restock.ingest.retail;

import dev.restock.ingest.retail.RetailAttributes.Assembly;
import dev.restock.ingest.retail.RetailAttributes.Component;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the demo's assemblies from products really bought together. Among the {@link
 * #CANDIDATES} products on the most invoices, pairs are ranked by the number of invoices holding
 * both (ties by SKU). Going down that list, a pair whose products are in no set yet starts a set,
 * and the third product is the one most often bought with both (the larger of its smaller two
 * pair counts). A component's quantity is its median sale quantity over the smallest median in
 * the set, rounded, from 1 to {@link #MAXIMUM_QUANTITY}: the proportion customers buy them in.
 * The price is the sum of the components' median prices times quantity, with no set discount.
 */
final class GiftSets {

    static final int CANDIDATES = 400;

    static final int MAXIMUM_QUANTITY = 3;

    private final List<String> skus;
    private final int[][] together;

    private GiftSets(List<String> skus, int[][] together) {
        this.skus = skus;
        this.together = together;
    }

    /** Up to {@code count} sets of three, numbered KIT-0001 upwards in the order found. */
    static List<Assembly> build(RetailSales sales, int count) {
        List<String> candidates = mostInvoiced(sales);
        GiftSets sets = new GiftSets(candidates, countPairs(sales, candidates));
        List<Assembly> assemblies = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (int[] pair : sets.rankedPairs()) {
            if (assemblies.size() == count) {
                break;
            }
            if (used.contains(pair[0]) || used.contains(pair[1])) {
                continue;
            }
            int third = sets.bestThird(pair[0], pair[1], used);
            if (third < 0) {
                continue;
            }
            List<Integer> members = List.of(pair[0], pair[1], third);
            used.addAll(members);
            String sku = "KIT-%04d".formatted(assemblies.size() + 1);
            assemblies.add(assembly(sku, members.stream().map(candidates::get).toList(), sales));
        }
        return assemblies;
    }

    private static List<String> mostInvoiced(RetailSales sales) {
        Map<String, Integer> invoices = new HashMap<>();
        sales.invoices().values().forEach(skus -> skus.forEach(sku -> invoices.merge(sku, 1, Integer::sum)));
        return invoices.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(CANDIDATES)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static int[][] countPairs(RetailSales sales, List<String> candidates) {
        Map<String, Integer> index = new HashMap<>();
        candidates.forEach(sku -> index.put(sku, index.size()));
        int[][] together = new int[candidates.size()][candidates.size()];
        for (List<String> invoice : sales.invoices().values()) {
            int[] members = invoice.stream()
                    .filter(index::containsKey)
                    .mapToInt(index::get)
                    .toArray();
            for (int i = 0; i < members.length; i++) {
                for (int j = i + 1; j < members.length; j++) {
                    together[members[i]][members[j]]++;
                    together[members[j]][members[i]]++;
                }
            }
        }
        return together;
    }

    private List<int[]> rankedPairs() {
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < skus.size(); a++) {
            for (int b = a + 1; b < skus.size(); b++) {
                if (together[a][b] > 0) {
                    pairs.add(skus.get(a).compareTo(skus.get(b)) < 0 ? new int[] {a, b} : new int[] {b, a});
                }
            }
        }
        pairs.sort(Comparator.<int[]>comparingInt(pair -> -together[pair[0]][pair[1]])
                .thenComparing(pair -> skus.get(pair[0]))
                .thenComparing(pair -> skus.get(pair[1])));
        return pairs;
    }

    private int bestThird(int a, int b, Set<Integer> used) {
        int best = -1;
        int bestCount = 0;
        for (int c = 0; c < skus.size(); c++) {
            if (c == a || c == b || used.contains(c)) {
                continue;
            }
            int count = Math.min(together[a][c], together[b][c]);
            boolean better = count > bestCount
                    || (count == bestCount && count > 0 && skus.get(c).compareTo(skus.get(best)) < 0);
            if (better) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    private static Assembly assembly(String sku, List<String> members, RetailSales sales) {
        List<ItemSales> items = members.stream().map(sales.items()::get).toList();
        long smallest = items.stream().mapToLong(GiftSets::medianQuantity).min().orElse(1);
        List<Component> components = new ArrayList<>();
        BigDecimal price = BigDecimal.ZERO;
        for (ItemSales item : items) {
            BigDecimal quantity = BigDecimal.valueOf(medianQuantity(item))
                    .divide(BigDecimal.valueOf(smallest), 0, RoundingMode.HALF_UP)
                    .max(BigDecimal.ONE)
                    .min(BigDecimal.valueOf(MAXIMUM_QUANTITY));
            components.add(new Component(item.sku(), quantity));
            price = price.add(item.medianPrice().multiply(quantity));
        }
        String title = "GIFT SET: "
                + String.join(" + ", items.stream().map(ItemSales::description).toList());
        return new Assembly(sku, title, price, components);
    }

    /** The lower middle of the item's sale quantities. */
    private static long medianQuantity(ItemSales item) {
        List<Long> sorted = item.quantities().stream().sorted().toList();
        return Math.max(1, sorted.get((sorted.size() - 1) / 2));
    }
}
