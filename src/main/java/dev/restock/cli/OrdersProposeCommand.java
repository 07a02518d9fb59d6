package dev.restock.cli;

import dev.restock.RestockException;
import dev.restock.orders.Actor;
import dev.restock.orders.OrderProposer;
import dev.restock.orders.ProposedStockOrder;
import dev.restock.replenishment.ReportFilters;
import dev.restock.replenishment.ReportQuery;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock orders propose}: draft stock orders from the replenishment report. */
@Command(
        name = "propose",
        mixinStandardHelpOptions = true,
        description = "Create draft orders for the report lines with something to order: purchase orders per"
                + " vendor and warehouse, transfer orders per source and destination, assembly orders per"
                + " assembly. Lines already on a draft order are not proposed again.")
final class OrdersProposeCommand implements Callable<Integer> {

    @ParentCommand
    OrdersCommand orders;

    @Option(names = "--warehouse", paramLabel = "CODE", description = "Only lines of this warehouse.")
    String warehouse;

    @Option(names = "--vendor", paramLabel = "CODE", description = "Only lines bought from this vendor.")
    String vendor;

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            description = "Only lines with this status: order-now, order-soon, overstock, ok.")
    String status;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReportQuery query;
        try {
            query = ReportQuery.parse(warehouse, vendor, status, null);
        } catch (RestockException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (var context = RestockRuntime.startForCommand(orders.root.home())) {
            OrderProposer.Outcome outcome = context.getBean(OrderProposer.class)
                    .propose(
                            context.getBean(ReportFilters.class).checked(query),
                            Actor.user(System.getProperty("user.name", "cli")));
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                out.println(FormatOption.toJson(outcome.created()));
            } else {
                print(outcome, out);
            }
            out.flush();
        }
        return 0;
    }

    static void print(OrderProposer.Outcome outcome, PrintWriter out) {
        if (outcome.created().isEmpty()) {
            out.println("No new orders proposed: nothing to order, or every line is already on a draft order.");
        }
        for (ProposedStockOrder order : outcome.created()) {
            out.printf(
                    "%s  %-8s  %s  %d lines  total %s%s%n",
                    order.reference(),
                    order.type(),
                    partner(order),
                    order.lines().size(),
                    plain(order.total()),
                    order.currency() == null ? "" : " " + order.currency());
        }
        if (!outcome.withoutVendor().isEmpty()) {
            out.printf(
                    "%d lines have no vendor and were not proposed, e.g. %s%n",
                    outcome.withoutVendor().size(), outcome.withoutVendor().getFirst());
        }
    }

    private static String partner(ProposedStockOrder order) {
        return switch (order.type()) {
            case "po" -> order.vendor() + " -> " + order.warehouse();
            case "transfer" -> order.sourceWarehouse() + " -> " + order.warehouse();
            default -> "at " + order.warehouse();
        };
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
