package dev.restock.cli;

import dev.restock.connections.Connections;
import dev.restock.connections.OrderPusher;
import dev.restock.connections.PushRecovery;
import dev.restock.connections.PushResult;
import dev.restock.orders.Actor;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrderLine;
import dev.restock.orders.StockOrders;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock orders ...}: look at stock orders and save them to a connection. */
@Command(
        name = "orders",
        mixinStandardHelpOptions = true,
        description = "Look at stock orders and save them to a connection.",
        subcommands = {
            OrdersCommand.Show.class,
            OrdersCommand.Save.class,
            OrdersCommand.Recover.class,
            OrdersProposeCommand.class
        })
final class OrdersCommand {

    @ParentCommand
    RestockCommand root;

    /** An order with its lines, as printed. */
    record Shown(StockOrder order, List<StockOrderLine> lines) {}

    @Command(name = "show", mixinStandardHelpOptions = true, description = "An order and its lines.")
    static final class Show implements Callable<Integer> {

        @ParentCommand
        OrdersCommand orders;

        @Parameters(paramLabel = "REFERENCE", description = "The order, e.g. PO-1001.")
        String reference;

        @Mixin
        FormatOption output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = RestockRuntime.startForCommand(orders.root.home())) {
                StockOrders all = context.getBean(StockOrders.class);
                StockOrder order = all.getByReference(reference);
                print(
                        new Shown(order, all.lines(order.id())),
                        spec.commandLine().getOut());
            }
            return 0;
        }

        private void print(Shown shown, PrintWriter out) {
            if (output.json()) {
                out.println(FormatOption.toJson(shown));
                return;
            }
            StockOrder order = shown.order();
            out.printf(
                    "%s  %s  %s  %s%n",
                    order.reference(),
                    order.type().code(),
                    order.status(),
                    order.saveState().code() + (order.savedTo() == null ? "" : " to '" + order.savedTo() + "'"));
            if (order.lastError() != null) {
                out.println("last error: " + order.lastError());
            }
            for (StockOrderLine line : shown.lines()) {
                out.printf(
                        "  %-4s %-20s %s%n",
                        line.lineItemId(), line.sku(), line.replenishment().toPlainString());
            }
        }
    }

    @Command(
            name = "save",
            mixinStandardHelpOptions = true,
            description = "Save an order to a connection; from then on it is read-only in Restock.")
    static final class Save implements Callable<Integer> {

        @ParentCommand
        OrdersCommand orders;

        @Parameters(paramLabel = "REFERENCE", description = "The order, e.g. PO-1001.")
        String reference;

        @Option(
                names = "--to",
                paramLabel = "CONNECTION",
                defaultValue = Connections.LOCAL,
                description = "The connection to save to (default: ${DEFAULT-VALUE}).")
        String connection;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = RestockRuntime.startForCommand(orders.root.home())) {
                StockOrder order = context.getBean(StockOrders.class).getByReference(reference);
                PushResult result = context.getBean(OrderPusher.class)
                        .push(order.id(), connection, Actor.user(System.getProperty("user.name", "cli")));
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Saved %s to '%s' table %s: %d rows%n",
                                result.order().reference(), result.connection(), result.table(), result.rows());
            }
            return 0;
        }
    }

    @Command(
            name = "recover",
            mixinStandardHelpOptions = true,
            description = "Finish or undo saves that were interrupted, checking each connection's table.")
    static final class Recover implements Callable<Integer> {

        @ParentCommand
        OrdersCommand orders;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = RestockRuntime.startForCommand(orders.root.home())) {
                PushRecovery.Outcome outcome =
                        context.getBean(PushRecovery.class).recoverInterruptedPushes();
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%d saved, %d undone, %d still unsettled%n",
                                outcome.saved(), outcome.undone(), outcome.unsettled());
                return outcome.unsettled() == 0 ? 0 : 1;
            }
        }
    }
}
