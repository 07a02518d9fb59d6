package dev.restock.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What sync changes in one order: the values its order row and changed lines end with, the lines
 * added downstream, its history rows (field, old value, new value, in the order they happened)
 * and the problems found but not applied. Built by {@link SyncPlanner} without writing anything,
 * so that the orders of a batch are written together ({@link SyncPlanWriter}). Not thread-safe.
 */
final class SyncPlan {

    /**
     * The fields of an order that sync reads and may change; {@code syncState} is null until the
     * order's first sync, {@code problem} is the one the last sync left (null when none).
     */
    record OrderState(
            UUID id, String status, String externalId, LocalDate expectedDate, String syncState, String problem) {

        OrderState withField(String field, Object value) {
            return switch (field) {
                case "status" -> new OrderState(id, (String) value, externalId, expectedDate, syncState, problem);
                case "external_id" -> new OrderState(id, status, (String) value, expectedDate, syncState, problem);
                case "expected_date" -> new OrderState(id, status, externalId, (LocalDate) value, syncState, problem);
                default -> throw new IllegalArgumentException("not an order field sync sets: " + field);
            };
        }

        OrderState withSync(String state, String problemText) {
            return new OrderState(id, status, externalId, expectedDate, state, problemText);
        }
    }

    /** The fields of a line that sync may change. */
    record LineState(
            String lineItemId, BigDecimal replenishment, BigDecimal received, LocalDate receivedDate, boolean removed) {

        LineState with(String column, Object value) {
            return switch (column) {
                case "replenishment" -> new LineState(lineItemId, (BigDecimal) value, received, receivedDate, removed);
                case "received" -> new LineState(lineItemId, replenishment, (BigDecimal) value, receivedDate, removed);
                case "received_date" -> new LineState(lineItemId, replenishment, received, (LocalDate) value, removed);
                case "removed" -> new LineState(lineItemId, replenishment, received, receivedDate, (Boolean) value);
                default -> throw new IllegalArgumentException("not a line column sync sets: " + column);
            };
        }
    }

    /** A line added downstream, as it will be inserted. */
    record AddedLine(
            String lineItemId,
            Long variantId,
            String sku,
            String title,
            String barcode,
            BigDecimal replenishment,
            BigDecimal received,
            LocalDate receivedDate,
            BigDecimal costPrice,
            boolean removed) {}

    /** One history row: {@code field} as {@link OrderHistory} names it, values as it writes them. */
    record Entry(String field, Object oldValue, Object newValue) {}

    static final String IN_STEP = "in_step";
    static final String PROBLEM = "problem";
    static final String MISSING = "missing";

    private final OrderState before;
    private OrderState after;
    private final Map<String, LineState> changedLines = new LinkedHashMap<>();
    private final List<AddedLine> addedLines = new ArrayList<>();
    private final List<Entry> history = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int orderFieldsChanged;

    SyncPlan(OrderState before) {
        this.before = before;
        this.after = before;
    }

    UUID orderId() {
        return before.id();
    }

    OrderState after() {
        return after;
    }

    /** Sets an order field when {@code downstream} is present and differs; {@code field} is the column. */
    void setOrderField(String field, Object current, Object downstream) {
        if (downstream == null || same(current, downstream)) {
            return;
        }
        after = after.withField(field, downstream);
        history.add(new Entry(field, current, downstream));
        orderFieldsChanged++;
    }

    /** Moving into or out of {@code missing} is news for the order's history; the rest is bookkeeping. */
    void moveSyncState(String state) {
        history.add(new Entry("sync_state", after.syncState(), state));
        after = after.withSync(state, after.problem());
        orderFieldsChanged++;
    }

    /** Ends the plan with the state and problem the order is left in after this sync. */
    void finish(String state, String problem) {
        after = after.withSync(state, problem);
    }

    /** Sets one column of a known line when {@code downstream} is present and differs. */
    boolean setLine(LineState line, String column, Object current, Object downstream) {
        if (downstream == null || same(current, downstream)) {
            return false;
        }
        LineState now = changedLines.getOrDefault(line.lineItemId(), line);
        changedLines.put(line.lineItemId(), now.with(column, downstream));
        history.add(new Entry("line " + line.lineItemId() + " " + column, current, downstream));
        return true;
    }

    void addLine(AddedLine line) {
        addedLines.add(line);
        history.add(new Entry("line " + line.lineItemId(), null, line.replenishment()));
    }

    void problem(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The problem text the order is left with, or null. */
    String problemText() {
        return after.problem();
    }

    List<Entry> history() {
        return List.copyOf(history);
    }

    java.util.Collection<LineState> changedLines() {
        return changedLines.values();
    }

    List<AddedLine> addedLines() {
        return List.copyOf(addedLines);
    }

    /**
     * Nothing to write at all: no change, and the order keeps the sync state and problem it had.
     * An order never synced always has something to apply (its first sync state); an order that
     * stays in {@code problem} with the same problem has nothing, though its {@link #problems()}
     * are still reported.
     */
    boolean nothingToApply() {
        return history.isEmpty() && after.equals(before);
    }

    SyncOutcome outcome() {
        return new SyncOutcome(orderFieldsChanged, changedLines.size() + addedLines.size(), problems);
    }

    /** Decimals compare by value: 5 and 5.000000 are the same quantity. */
    static boolean same(Object current, Object downstream) {
        if (current instanceof BigDecimal a && downstream instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(current, downstream);
    }
}
