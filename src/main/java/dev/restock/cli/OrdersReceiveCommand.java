package dev.restock.cli;

import dev.restock.orders.OrderDocuments;
import dev.restock.orders.OrderReceipts;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrders;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock orders receive ID --line L --quantity Q [--date D]}: a (partial) receipt. */
@Command(
        name = "receive",
        mixinStandardHelpOptions = true,
        description = "Receive stock against a line of an open order that is not saved (saved orders receive"
                + " through sync). Receipts add up; more than ordered is refused beyond"
                + " restock.orders.over-receipt-tolerance-percent.")
final class OrdersReceiveCommand implements Callable<Integer> {

    @ParentCommand
    OrdersCommand orders;

    @Parameters(paramLabel = "ID", description = "The order's reference (e.g. PO-1001) or id.")
    String reference;

    @Option(names = "--line", required = true, paramLabel = "LINE_ITEM_ID", description = "The line received.")
    String lineItemId;

    @Option(names = "--quantity", required = true, paramLabel = "Q", description = "The quantity received now.")
    BigDecimal quantity;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day it arrived (default: today, UTC).")
    LocalDate date;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var context = RestockRuntime.startForCommand(orders.root.home())) {
            StockOrder order = context.getBean(StockOrders.class).resolve(reference);
            context.getBean(OrderReceipts.class).receive(order.id(), lineItemId, quantity, date, OrdersCommand.user());
            OrderPrinter.print(
                    context.getBean(OrderDocuments.class).of(order.id()),
                    output,
                    spec.commandLine().getOut());
        }
        return 0;
    }
}
