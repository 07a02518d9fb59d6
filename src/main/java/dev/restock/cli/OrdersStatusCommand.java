package dev.restock.cli;

import dev.restock.orders.OrderDocuments;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrders;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock orders status ID NAME}: set an order's status. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Set the status of an order that is not saved (see `orders statuses`).")
final class OrdersStatusCommand implements Callable<Integer> {

    @ParentCommand
    OrdersCommand orders;

    @Parameters(index = "0", paramLabel = "ID", description = "The order's reference (e.g. PO-1001) or id.")
    String reference;

    @Parameters(index = "1", paramLabel = "NAME", description = "The status, e.g. OPEN or CANCELLED.")
    String status;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var context = RestockRuntime.startForCommand(orders.root.home())) {
            StockOrders all = context.getBean(StockOrders.class);
            StockOrder order = all.resolve(reference);
            all.changeStatus(order.id(), status, OrdersCommand.user());
            OrderPrinter.print(
                    context.getBean(OrderDocuments.class).of(order.id()),
                    output,
                    spec.commandLine().getOut());
        }
        return 0;
    }
}
