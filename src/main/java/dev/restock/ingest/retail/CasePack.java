package dev.restock.ingest.retail;

import java.util.List;

/**
 * Infers a SKU's case pack (its order multiple) from the quantities it was really sold in: a
 * wholesaler whose customers buy 12, 24 and 36 of a mug most likely buys it in cases of 12.
 *
 * <p>The rule: the largest of {@link #CANDIDATES} that divides the quantities of at least {@link
 * #SHARE_PERCENT}% of the units sold, counting only positive sale quantities, and 1 when the SKU
 * has fewer than {@link #MINIMUM_LINES} such lines. Units rather than lines are counted because
 * the many single-unit retail lines of a product sold by the case would otherwise hide the case.
 */
final class CasePack {

    /** Pack sizes common in the data and in the trade, smallest first. */
    static final List<Integer> CANDIDATES = List.of(1, 2, 3, 4, 6, 8, 10, 12, 24, 25, 48, 50, 100, 144);

    static final int SHARE_PERCENT = 80;

    /** Below this many sale lines the evidence is too thin to claim a pack. */
    static final int MINIMUM_LINES = 5;

    private CasePack() {}

    /** The inferred case pack of a SKU sold in these quantities (zero or negative ones ignored). */
    static int infer(List<Long> quantities) {
        List<Long> sold = quantities.stream().filter(quantity -> quantity > 0).toList();
        if (sold.size() < MINIMUM_LINES) {
            return 1;
        }
        long units = sold.stream().mapToLong(Long::longValue).sum();
        int pack = 1;
        for (int candidate : CANDIDATES) {
            long divisible = sold.stream()
                    .filter(quantity -> quantity % candidate == 0)
                    .mapToLong(Long::longValue)
                    .sum();
            // Integer arithmetic, so that 80% of the units is exact and never rounds.
            if (divisible * 100 >= units * SHARE_PERCENT) {
                pack = candidate;
            }
        }
        return pack;
    }
}
