package dev.restock.orders;

import dev.restock.orders.SyncPlan.LineState;
import dev.restock.orders.SyncPlan.OrderState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works out what the rows read back from a connection change in one order ({@link SyncPlan}):
 * the order fields (status, external id, expected date; they repeat on every row, and rows that
 * disagree are reported, not applied), the lines (quantities, receipts, removed, lines added
 * downstream) and the sync state. A null downstream value never overwrites what Restock holds.
 * Lines are flagged removed, never deleted: their history and receipts stay with the order.
 * Writes nothing. Not thread-safe: one per batch.
 */
final class SyncPlanner {

    /** Finds the variant of a line added downstream by VARIANT_ID, else by SKU; null when unknown. */
    interface Variants {
        Variant find(DownstreamRow row);
    }

    record Variant(long id, String sku, String title, String barcode) {}

    private static final String MISSING_PROBLEM =
            "its rows are no longer in the connection's table; the order was kept";

    private final Map<String, String> statusesByUpperName;
    private final Variants variants;

    /** {@code statuses}: every known status name, as Restock spells it. */
    SyncPlanner(List<String> statuses, Variants variants) {
        this.statusesByUpperName = statuses.stream()
                .collect(Collectors.toMap(name -> name.toUpperCase(java.util.Locale.ROOT), name -> name, (a, b) -> a));
        this.variants = variants;
    }

    /** {@code lines}: the order's lines now, removed ones too. */
    SyncPlan plan(OrderState order, List<LineState> lines, DownstreamOrder downstream) {
        SyncPlan plan = new SyncPlan(order);
        String previousState = order.syncState();
        if (downstream.rows().isEmpty()) {
            if (!SyncPlan.MISSING.equals(previousState)) {
                plan.moveSyncState(SyncPlan.MISSING);
            }
            plan.problem(MISSING_PROBLEM);
            plan.finish(SyncPlan.MISSING, MISSING_PROBLEM);
            return plan;
        }

        if (SyncPlan.MISSING.equals(previousState)) {
            plan.moveSyncState(SyncPlan.IN_STEP);
        }
        planHeader(order, downstream, plan);
        planLines(lines, downstream.rows(), plan);
        List<String> problems = plan.problems();
        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        plan.finish(problem == null ? SyncPlan.IN_STEP : SyncPlan.PROBLEM, problem);
        return plan;
    }

    private void planHeader(OrderState order, DownstreamOrder downstream, SyncPlan plan) {
        Optional<String> statusName = agreed(downstream, DownstreamRow::status, "STATUS", plan);
        if (statusName.isPresent()) {
            // Status names match without regard to case; the name Restock stores is its own spelling.
            String known = statusesByUpperName.get(statusName.get().toUpperCase(java.util.Locale.ROOT));
            if (known == null) {
                plan.problem("status '" + statusName.get() + "' is not a known order status and was not applied;"
                        + " add it to the order statuses with its type");
            }
            plan.setOrderField("status", order.status(), known);
        }
        plan.setOrderField(
                "external_id",
                order.externalId(),
                agreed(downstream, DownstreamRow::externalId, "EXTERNAL_ID", plan)
                        .orElse(null));
        LocalDate expected = agreed(downstream, DownstreamRow::expectedDate, "EXPECTED_DATE", plan)
                .orElse(null);
        plan.setOrderField("expected_date", order.expectedDate(), expected);
    }

    private static <T> Optional<T> agreed(
            DownstreamOrder downstream, Function<DownstreamRow, T> field, String column, SyncPlan plan) {
        List<T> values = downstream.agreed(field);
        if (values.size() > 1) {
            plan.problem("its rows disagree on " + column + " ("
                    + values.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", "))
                    + "); none was applied");
            return Optional.empty();
        }
        return values.stream().findFirst();
    }

    private void planLines(List<LineState> lines, List<DownstreamRow> rows, SyncPlan plan) {
        Map<String, LineState> known = new LinkedHashMap<>();
        lines.forEach(line -> known.put(line.lineItemId(), line));
        Map<String, DownstreamRow> byLine = byLineItemId(rows, plan);

        for (DownstreamRow row : byLine.values()) {
            LineState line = known.get(row.lineItemId());
            if (line == null) {
                add(row, plan);
            } else {
                plan.setLine(line, "replenishment", line.replenishment(), row.replenishment());
                plan.setLine(line, "received", line.received(), row.received());
                plan.setLine(line, "received_date", line.receivedDate(), row.receivedDate());
                plan.setLine(line, "removed", line.removed(), row.removed());
            }
        }
        for (LineState line : known.values()) {
            // A row deleted downstream is a line removed downstream; the flag keeps its history.
            if (!byLine.containsKey(line.lineItemId()) && !line.removed()) {
                plan.setLine(line, "removed", false, true);
            }
        }
    }

    private static Map<String, DownstreamRow> byLineItemId(List<DownstreamRow> rows, SyncPlan plan) {
        Map<String, DownstreamRow> byLine = new LinkedHashMap<>();
        for (DownstreamRow row : rows) {
            if (row.lineItemId() == null) {
                plan.problem("a row has no LINE_ITEM_ID and was ignored");
            } else if (byLine.putIfAbsent(row.lineItemId(), row) != null) {
                plan.problem("LINE_ITEM_ID " + row.lineItemId() + " appears more than once; the first row was applied");
            }
        }
        return byLine;
    }

    /** A line added downstream, with the variant found by VARIANT_ID, else by SKU, when Restock knows it. */
    private void add(DownstreamRow row, SyncPlan plan) {
        Variant variant = variants.find(row);
        String sku = row.sku() != null ? row.sku() : variant == null ? null : variant.sku();
        if (sku == null) {
            plan.problem("line " + row.lineItemId() + " was added downstream without a SKU or a known VARIANT_ID"
                    + " and was not added");
            return;
        }
        plan.addLine(new SyncPlan.AddedLine(
                row.lineItemId(),
                variant == null ? null : variant.id(),
                sku,
                row.title() != null || variant == null ? row.title() : variant.title(),
                row.barcode() != null || variant == null ? row.barcode() : variant.barcode(),
                Objects.requireNonNullElse(row.replenishment(), BigDecimal.ZERO),
                Objects.requireNonNullElse(row.received(), BigDecimal.ZERO),
                row.receivedDate(),
                row.costPrice(),
                Boolean.TRUE.equals(row.removed())));
    }
}
