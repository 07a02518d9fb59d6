package dev.restock.cli;

import dev.restock.connections.Connections;
import dev.restock.connections.OrderPusher;
import dev.restock.connections.PushRecovery;
import dev.restock.connections.PushResult;
import dev.restock.orders.Actor;
import dev.restock.orders.OrderDocuments;
import dev.restock.orders.OrderHistory;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrderDocument;
import dev.restock.orders.StockOrders;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code restock orders ...}: create, edit, receive and look at stock orders, and save them to a
 * connection. Each subcommand beyond show, save and recover lives in its own class.
 */
@Command(
        name = "orders",
        mixinStandardHelpOptions = true,
        description = "Create, edit, receive and look at stock orders, and save them to a connection.",
        subcommands = {
            OrdersListCommand.class,
            OrdersCommand.Show.class,
            OrdersCreateCommand.class,
            OrdersEditCommand.class,
            OrdersStatusCommand.class,
            OrdersReceiveCommand.class,
            OrdersStatusesCommand.class,
            OrdersCommand.Save.class,
            OrdersCommand.Recover.class,
            OrdersProposeCommand.class
        })
final class OrdersCommand {

    @ParentCommand
    RestockCommand root;

    /** Who a change from the command line is recorded as: the operating system's user. */
    static Actor user() {
        return Actor.user(System.getProperty("user.name", "cli"));
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "An order and its lines.")
    static final class Show implements Callable<Integer> {

        @ParentCommand
        OrdersCommand orders;

        @Parameters(paramLabel = "ID", description = "The order's reference (e.g. PO-1001) or id.")
        String reference;

        @Option(names = "--history", description = "Also print every change, with who made it.")
        boolean history;

        @Mixin
        FormatOption output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = RestockRuntime.startForCommand(orders.root.home())) {
                StockOrder order = context.getBean(StockOrders.class).resolve(reference);
                PrintWriter out = spec.commandLine().getOut();
                StockOrderDocument document =
                        context.getBean(OrderDocuments.class).of(order.id());
                if (history) {
                    OrderPrinter.printWithHistory(
                            document, context.getBean(OrderHistory.class).of(order.id()), output, out);
                } else {
                    OrderPrinter.print(document, output, out);
                }
            }
            return 0;
        }
    }

    @Command(
            name = "save",
            mixinStandardHelpOptions = true,
            description = "Save an order to a connection; from then on it is read-only in Restock.")
    static final class Save implements Callable<Integer> {

        /** What {@code --format json} prints: where the order went, and the order as saved. */
        record Saved(String connection, String table, long rows, StockOrderDocument order) {}

        @ParentCommand
        OrdersCommand orders;

        @Parameters(paramLabel = "ID", description = "The order's reference (e.g. PO-1001) or id.")
        String reference;

        @Option(
                names = "--to",
                paramLabel = "CONNECTION",
                defaultValue = Connections.LOCAL,
                description = "The connection to save to (default: ${DEFAULT-VALUE}).")
        String connection;

        @Mixin
        FormatOption output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = RestockRuntime.startForCommand(orders.root.home())) {
                StockOrder order = context.getBean(StockOrders.class).resolve(reference);
                PushResult result = context.getBean(OrderPusher.class).push(order.id(), connection, user());
                PrintWriter out = spec.commandLine().getOut();
                if (output.json()) {
                    StockOrderDocument saved =
                            context.getBean(OrderDocuments.class).of(order.id());
                    out.println(
                            FormatOption.toJson(new Saved(result.connection(), result.table(), result.rows(), saved)));
                } else {
                    out.printf(
                            "Saved %s to '%s' table %s: %d rows%n",
                            result.order().reference(), result.connection(), result.table(), result.rows());
                }
            }
            return 0;
        }
    }

    @Command(
            name = "recover",
            mixinStandardHelpOptions = true,
            description = "Finish or undo saves that were interrupted, checking each connection's table. Exit code"
                    + " 1 while any stays unsettled.")
    static final class Recover implements Callable<Integer> {

        @ParentCommand
        OrdersCommand orders;

        @Mixin
        FormatOption output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = RestockRuntime.startForCommand(orders.root.home())) {
                PushRecovery.Outcome outcome =
                        context.getBean(PushRecovery.class).recoverInterruptedPushes();
                PrintWriter out = spec.commandLine().getOut();
                if (output.json()) {
                    out.println(FormatOption.toJson(outcome));
                } else {
                    out.printf(
                            "%d saved, %d undone, %d still unsettled%n",
                            outcome.saved(), outcome.undone(), outcome.unsettled());
                }
                return outcome.unsettled() == 0 ? 0 : 1;
            }
        }
    }
}
