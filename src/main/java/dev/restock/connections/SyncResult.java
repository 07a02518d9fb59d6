package dev.restock.connections;

import java.util.List;

/**
 * What one sync pass over a connection did.
 *
 * @param ordersChecked saved, open orders whose rows were read
 * @param ordersChanged orders with at least one change applied (the missing flag counts)
 * @param linesChanged lines changed, added or flagged removed
 * @param fullPass every open order was read, not only those changed since the cursor
 * @param problems what was found but not applied, one entry per order
 */
public record SyncResult(
        String connection,
        int ordersChecked,
        int ordersChanged,
        int linesChanged,
        boolean fullPass,
        List<Problem> problems) {

    /** A problem of one order, e.g. an unknown status name or rows that disagree. */
    public record Problem(String reference, String problem) {}

    public SyncResult {
        problems = List.copyOf(problems);
    }
}
