package dev.restock.cli;

import dev.restock.orders.OrderFilter;
import dev.restock.orders.OrderType;
import dev.restock.orders.StockOrderSummary;
import dev.restock.orders.StockOrders;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock orders list}: stock orders, newest first, optionally filtered. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Stock orders, newest first.")
final class OrdersListCommand implements Callable<Integer> {

    @ParentCommand
    OrdersCommand orders;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only orders of this type: po, transfer, assembly.")
    OrderType type;

    @Option(names = "--status", paramLabel = "NAME", description = "Only orders with this status, e.g. OPEN.")
    String status;

    @ArgGroup(exclusive = true)
    Saved saved;

    static final class Saved {
        @Option(names = "--saved", description = "Only orders saved to a connection.")
        boolean saved;

        @Option(names = "--unsaved", description = "Only orders not saved to a connection.")
        boolean unsaved;
    }

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var context = RestockRuntime.startForCommand(orders.root.home())) {
            Boolean onlySaved = saved == null ? null : saved.saved;
            List<StockOrderSummary> found =
                    context.getBean(StockOrders.class).list(new OrderFilter(type, status, onlySaved)).stream()
                            .map(StockOrderSummary::of)
                            .toList();
            print(found, spec.commandLine().getOut());
        }
        return 0;
    }

    private void print(List<StockOrderSummary> found, PrintWriter out) {
        if (output.json()) {
            out.println(FormatOption.toJson(found));
            return;
        }
        out.printf(
                "%-10s %-9s %-20s %-12s %-12s %-10s%n", "REFERENCE", "TYPE", "STATUS", "SAVED", "EXPECTED", "EXTERNAL");
        for (StockOrderSummary order : found) {
            out.printf(
                    "%-10s %-9s %-20s %-12s %-12s %-10s%n",
                    order.reference(),
                    order.type(),
                    order.status(),
                    order.savedTo() == null ? order.saveState() : order.savedTo(),
                    Objects.requireNonNullElse(order.expectedDate(), "-"),
                    Objects.requireNonNullElse(order.externalId(), "-"));
        }
        out.printf("%d orders%n", found.size());
    }
}
