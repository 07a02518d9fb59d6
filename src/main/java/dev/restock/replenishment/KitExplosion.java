package dev.restock.replenishment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bills of materials of bundles and assemblies, nested to any depth. Quantities stay exact
 * decimals, so 0.125 litre per unit stays 0.125. Immutable and thread-safe.
 *
 * <p>Each level is counted once: for kit A = 1 B + 1 C where B = 1 C, one A requires one B and
 * two C (one for A itself, one to build the B), never three.
 */
public final class KitExplosion {

    private final Map<Long, List<ComponentLine>> componentsByKit;
    private final Map<Long, Integer> depths;

    /** @throws IllegalArgumentException when the bills of materials contain a cycle */
    public KitExplosion(List<ComponentLine> lines) {
        Map<Long, List<ComponentLine>> byKit = new HashMap<>();
        for (ComponentLine line : lines) {
            byKit.computeIfAbsent(line.kitId(), kit -> new ArrayList<>()).add(line);
        }
        byKit.replaceAll((kit, components) -> List.copyOf(components));
        this.componentsByKit = Map.copyOf(byKit);
        for (Long kit : componentsByKit.keySet()) {
            topologicalOrder(kit);
        }
        this.depths = depths(lines);
    }

    /**
     * How many levels of kits stand above a variant: 0 for a variant no kit uses, else one more
     * than the deepest kit that uses it. Planning variants by increasing depth plans every kit
     * before its components, so a component's need includes every kit above it.
     */
    public int depth(long variantId) {
        return depths.getOrDefault(variantId, 0);
    }

    private static Map<Long, Integer> depths(List<ComponentLine> lines) {
        Map<Long, List<Long>> usedBy = new HashMap<>();
        for (ComponentLine line : lines) {
            usedBy.computeIfAbsent(line.componentId(), part -> new ArrayList<>())
                    .add(line.kitId());
        }
        Map<Long, Integer> depths = new HashMap<>();
        for (ComponentLine line : lines) {
            depth(line.componentId(), usedBy, depths);
        }
        return Map.copyOf(depths);
    }

    private static int depth(long variantId, Map<Long, List<Long>> usedBy, Map<Long, Integer> depths) {
        Integer known = depths.get(variantId);
        if (known != null) {
            return known;
        }
        int depth = 0;
        for (long kit : usedBy.getOrDefault(variantId, List.of())) {
            depth = Math.max(depth, depth(kit, usedBy, depths) + 1);
        }
        depths.put(variantId, depth);
        return depth;
    }

    public List<ComponentLine> componentsOf(long variantId) {
        return componentsByKit.getOrDefault(variantId, List.of());
    }

    /**
     * Units of every variant below {@code kitId} needed for {@code quantity} kits when nothing is
     * in stock: intermediate assemblies at their own level, and their components again below.
     */
    public Map<Long, BigDecimal> requirements(long kitId, BigDecimal quantity) {
        Map<Long, BigDecimal> required = new LinkedHashMap<>();
        addRequirements(kitId, quantity, required);
        return Collections.unmodifiableMap(required);
    }

    private void addRequirements(long kitId, BigDecimal quantity, Map<Long, BigDecimal> required) {
        for (ComponentLine line : componentsOf(kitId)) {
            BigDecimal units = quantity.multiply(line.quantity());
            required.merge(line.componentId(), units, BigDecimal::add);
            addRequirements(line.componentId(), units, required);
        }
    }

    /**
     * Whole units of {@code kitId} that can be built from the stock given per variant, using stock
     * of intermediate assemblies first and building the rest of them from their own components.
     * Stock of the kit itself is not counted. Zero for a variant without components.
     */
    public long buildable(long kitId, Map<Long, BigDecimal> stock) {
        if (componentsOf(kitId).isEmpty()) {
            return 0;
        }
        List<Long> order = topologicalOrder(kitId);
        // Largest n that can be built, by bisection: whether n can be built is monotone in n.
        long low = 0;
        long high = upperBound(kitId, stock, new HashMap<>()).longValueExact();
        while (low < high) {
            long middle = low + (high - low + 1) / 2;
            if (canBuild(kitId, middle, order, stock)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private boolean canBuild(long kitId, long units, List<Long> order, Map<Long, BigDecimal> stock) {
        Map<Long, BigDecimal> toBuild = new HashMap<>();
        toBuild.put(kitId, BigDecimal.valueOf(units));
        Map<Long, BigDecimal> gross = new HashMap<>();
        for (long variant : order) {
            BigDecimal building = variant == kitId
                    ? toBuild.get(kitId)
                    : gross.getOrDefault(variant, BigDecimal.ZERO)
                            .subtract(stock.getOrDefault(variant, BigDecimal.ZERO))
                            .max(BigDecimal.ZERO);
            if (building.signum() > 0 && componentsOf(variant).isEmpty()) {
                return false;
            }
            for (ComponentLine line : componentsOf(variant)) {
                gross.merge(line.componentId(), building.multiply(line.quantity()), BigDecimal::add);
            }
        }
        return true;
    }

    /** Units obtainable ignoring that kits share components: never less than what can be built. */
    private BigDecimal upperBound(long variantId, Map<Long, BigDecimal> stock, Map<Long, BigDecimal> memo) {
        BigDecimal known = memo.get(variantId);
        if (known != null) {
            return known;
        }
        BigDecimal built = null;
        for (ComponentLine line : componentsOf(variantId)) {
            BigDecimal fromThis =
                    upperBound(line.componentId(), stock, memo).divide(line.quantity(), 0, RoundingMode.FLOOR);
            built = built == null ? fromThis : built.min(fromThis);
        }
        BigDecimal own = stock.getOrDefault(variantId, BigDecimal.ZERO).max(BigDecimal.ZERO);
        BigDecimal bound = built == null ? own : own.add(built);
        memo.put(variantId, bound);
        return bound;
    }

    /** {@code kitId} and every variant below it, each after all the kits that use it. */
    private List<Long> topologicalOrder(long kitId) {
        List<Long> postOrder = new ArrayList<>();
        visit(kitId, new HashSet<>(), new HashSet<>(), postOrder);
        Collections.reverse(postOrder);
        return postOrder;
    }

    private void visit(long variantId, Set<Long> onPath, Set<Long> done, List<Long> postOrder) {
        if (done.contains(variantId)) {
            return;
        }
        if (!onPath.add(variantId)) {
            throw new IllegalArgumentException("the bills of materials contain a cycle through variant " + variantId);
        }
        for (ComponentLine line : componentsOf(variantId)) {
            visit(line.componentId(), onPath, done, postOrder);
        }
        onPath.remove(variantId);
        done.add(variantId);
        postOrder.add(variantId);
    }
}
