package dev.restock.orders;

import dev.restock.events.Outbox;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Writes the outbox events of stock orders, always inside the transaction of the change, so an
 * event exists exactly when its change committed. The payload is {@code {"order": <document>}}
 * plus, for changes, {@code "changes"}: the history rows the transaction wrote, one per field.
 *
 * <p>One change (one transaction) writes one event, typed by the weightiest thing it did: an
 * order moved to a status of type {@code closed} is {@code stock_order.closed}; else a change of
 * a received quantity is {@code stock_order.received}; else {@code stock_order.updated}. Each
 * carries every change of the transaction, so a subscriber misses nothing by listening to fewer
 * types than it could.
 *
 * <p>The {@code order} of an event carries its lines up to {@link OrderSettings#eventLinesLimit()};
 * a larger order's event has {@code "linesIncluded": false} and no lines (see {@link
 * StockOrderDocument}), so that saving or syncing a very large order does not write and send a
 * document of many megabytes.
 */
@Component
public class OrderEvents {

    public static final String CREATED = "stock_order.created";
    public static final String SAVED = "stock_order.saved";
    public static final String SAVE_FAILED = "stock_order.save_failed";
    public static final String UPDATED = "stock_order.updated";
    public static final String RECEIVED = "stock_order.received";
    public static final String CLOSED = "stock_order.closed";

    /** History fields that hold quantities: their values go out as JSON numbers. */
    private static final Set<String> DECIMAL_FIELDS = Set.of("line", "replenishment", "received", "costPrice");

    /** A line's history field: {@code line 3} (added or removed) or {@code line 3 received}. */
    private static final Pattern LINE_FIELD = Pattern.compile("line (\\S+)(?: (\\S+))?");

    private final Outbox outbox;
    private final OrderDocuments documents;
    private final OrderHistory history;
    private final int lineLimit;

    public OrderEvents(Outbox outbox, OrderDocuments documents, OrderHistory history, OrderSettings settings) {
        this.outbox = outbox;
        this.documents = documents;
        this.history = history;
        this.lineLimit = settings.eventLinesLimit();
    }

    void created(UUID orderId) {
        append(CREATED, orderId, payload(orderId));
    }

    /** {@code lines}: every line of the order as it is in this transaction. */
    void saved(UUID orderId, List<StockOrderLine> lines) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("order", documents.of(orderId, lines, lineLimit));
        append(SAVED, orderId, payload);
    }

    /** The order is editable again; {@code connection} is where the save was tried. */
    void saveFailed(UUID orderId, String connection, String error) {
        Map<String, Object> payload = payload(orderId);
        payload.put("connection", connection);
        payload.put("error", error);
        append(SAVE_FAILED, orderId, payload);
    }

    /**
     * Writes the event for the changes recorded since {@code historyMark} ({@link
     * OrderHistory#mark}); nothing when there were none.
     */
    void changed(UUID orderId, long historyMark) {
        List<OrderHistory.Change> recorded = history.since(orderId, historyMark);
        if (recorded.isEmpty()) {
            return;
        }
        List<Map<String, Object>> changes =
                recorded.stream().map(OrderEvents::change).toList();
        Map<String, Object> payload = payload(orderId);
        payload.put("changes", changes);
        StockOrderDocument order = (StockOrderDocument) payload.get("order");
        append(type(order, changes), orderId, payload);
    }

    /**
     * Writes one event per order of {@code changes} (its history rows of this transaction, oldest
     * first) with one read of the orders and one outbox statement; orders without changes get none.
     */
    void changedAll(Map<UUID, List<OrderHistory.Change>> changes) {
        Map<UUID, List<OrderHistory.Change>> withChanges = new LinkedHashMap<>();
        changes.forEach((orderId, recorded) -> {
            if (!recorded.isEmpty()) {
                withChanges.put(orderId, recorded);
            }
        });
        if (withChanges.isEmpty()) {
            return;
        }
        Map<UUID, StockOrderDocument> orders = documents.ofAll(withChanges.keySet(), lineLimit);
        List<Outbox.NewEvent> events = new java.util.ArrayList<>();
        withChanges.forEach((orderId, recorded) -> {
            List<Map<String, Object>> changed =
                    recorded.stream().map(OrderEvents::change).toList();
            Map<String, Object> payload = new LinkedHashMap<>();
            StockOrderDocument order = orders.get(orderId);
            payload.put("order", order);
            payload.put("changes", changed);
            events.add(new Outbox.NewEvent(type(order, changed), orderId.toString(), payload));
        });
        outbox.appendAll(events);
    }

    private static String type(StockOrderDocument order, List<Map<String, Object>> changes) {
        boolean statusChanged = changes.stream().anyMatch(change -> "status".equals(change.get("field")));
        if (statusChanged && StatusType.CLOSED.code().equals(order.statusType())) {
            return CLOSED;
        }
        boolean received = changes.stream().anyMatch(change -> "received".equals(change.get("field")));
        return received ? RECEIVED : UPDATED;
    }

    private Map<String, Object> payload(UUID orderId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("order", documents.of(orderId, lineLimit));
        return payload;
    }

    private void append(String type, UUID orderId, Map<String, Object> payload) {
        outbox.append(type, orderId.toString(), payload);
    }

    /** A history row as a change: {@code field} in the document's spelling, typed values. */
    private static Map<String, Object> change(OrderHistory.Change recorded) {
        String field = recorded.field();
        String lineItemId = null;
        Matcher line = LINE_FIELD.matcher(field);
        if (line.matches()) {
            lineItemId = line.group(1);
            field = line.group(2) == null ? "line" : line.group(2);
        }
        field = camelCase(field);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", field);
        change.put("lineItemId", lineItemId);
        change.put("old", value(field, recorded.oldValue()));
        change.put("new", value(field, recorded.newValue()));
        return change;
    }

    private static Object value(String field, String text) {
        if (text == null) {
            return null;
        }
        if (DECIMAL_FIELDS.contains(field)) {
            return new BigDecimal(text);
        }
        if ("removed".equals(field)) {
            return Boolean.valueOf(text);
        }
        return text;
    }

    private static String camelCase(String field) {
        String[] words = field.split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(words[i].substring(0, 1).toUpperCase(Locale.ROOT)).append(words[i].substring(1));
        }
        return name.toString();
    }
}
