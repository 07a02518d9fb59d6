package dev.restock.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.restock.orders.OrderHistory;
import dev.restock.orders.StockOrderDocument;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Prints a stock order for the order commands: a table for people, the document for scripts. */
final class OrderPrinter {

    private OrderPrinter() {}

    /** One change in the JSON of {@code orders show --history}. */
    record HistoryEntry(Instant at, String actorType, String actor, String field, String oldValue, String newValue) {}

    /** The order's document with its history, for {@code orders show --history --format json}. */
    record WithHistory(@JsonUnwrapped StockOrderDocument order, List<HistoryEntry> history) {}

    /** The order, then every change made to it (in JSON, a {@code history} array in the document). */
    static void printWithHistory(
            StockOrderDocument order, List<OrderHistory.Change> changes, FormatOption output, PrintWriter out) {
        if (output.json()) {
            List<HistoryEntry> history = changes.stream()
                    .map(change -> new HistoryEntry(
                            change.at(),
                            change.actor().type().code(),
                            change.actor().name(),
                            change.field(),
                            change.oldValue(),
                            change.newValue()))
                    .toList();
            out.println(FormatOption.toJson(new WithHistory(order, history)));
            return;
        }
        print(order, output, out);
        printHistory(changes, out);
    }

    static void print(StockOrderDocument order, FormatOption output, PrintWriter out) {
        if (output.json()) {
            out.println(FormatOption.toJson(order));
            return;
        }
        out.printf(
                "%s  %s  %s  %s%n",
                order.reference(),
                order.type(),
                order.status(),
                order.saveState() + (order.savedTo() == null ? "" : " to '" + order.savedTo() + "'"));
        out.printf(
                "warehouse %s%s%s  currency %s  expected %s%s%n",
                order.warehouse(),
                order.vendor() == null ? "" : "  vendor " + order.vendor(),
                order.sourceWarehouse() == null ? "" : "  from " + order.sourceWarehouse(),
                Objects.requireNonNullElse(order.currency(), "-"),
                Objects.requireNonNullElse(order.expectedDate(), "-"),
                order.externalId() == null ? "" : "  external id " + order.externalId());
        if (order.lastError() != null) {
            out.println("last error: " + order.lastError());
        }
        out.printf("  %-4s %-20s %12s %12s %10s%n", "LINE", "SKU", "ORDERED", "RECEIVED", "COST");
        for (StockOrderDocument.Line line : order.lines()) {
            out.printf(
                    "  %-4s %-20s %12s %12s %10s%s%n",
                    line.lineItemId(),
                    line.sku(),
                    plain(line.replenishment()),
                    plain(line.received()),
                    plain(line.costPrice()),
                    line.removed() ? "  removed" : "");
        }
    }

    private static void printHistory(List<OrderHistory.Change> changes, PrintWriter out) {
        out.println("history:");
        for (OrderHistory.Change change : changes) {
            out.printf(
                    "  %s  %s %s  %s: %s -> %s%n",
                    change.at(),
                    change.actor().type().code(),
                    change.actor().name(),
                    change.field(),
                    Objects.requireNonNullElse(change.oldValue(), "-"),
                    Objects.requireNonNullElse(change.newValue(), "-"));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }
}
