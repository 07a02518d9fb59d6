package dev.restock.orders;

import java.util.List;

/**
 * What sync did to one order: order fields changed (status, external id, expected date, the
 * missing flag), lines changed, and problems found but not applied.
 */
public record SyncOutcome(int orderFieldsChanged, int linesChanged, List<String> problems) {

    public SyncOutcome {
        problems = List.copyOf(problems);
    }

    public boolean changed() {
        return orderFieldsChanged > 0 || linesChanged > 0;
    }
}
