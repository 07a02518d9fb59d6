package dev.restock.cli;

import dev.restock.orders.NewOrderLine;
import dev.restock.orders.OrderDocuments;
import dev.restock.orders.OrderEdit;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrders;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock orders edit ID ...}: change, remove and add lines of an editable order, all or nothing. */
@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        description = "Change, remove and add lines of an order that is not saved; all changes or none.")
final class OrdersEditCommand implements Callable<Integer> {

    @ParentCommand
    OrdersCommand orders;

    @Parameters(paramLabel = "ID", description = "The order's reference (e.g. PO-1001) or id.")
    String reference;

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<QuantityOption> quantities = new ArrayList<>();

    static final class QuantityOption {
        @Option(names = "--line", required = true, paramLabel = "LINE_ITEM_ID", description = "The line to change.")
        String lineItemId;

        @Option(names = "--quantity", required = true, paramLabel = "Q", description = "Its new ordered quantity.")
        BigDecimal quantity;
    }

    @Option(
            names = "--add",
            paramLabel = "SKU=QTY[@COST]",
            converter = OrderLineConverter.class,
            description = "Add a line, e.g. MUG-1=12@1.25. Repeatable.")
    List<NewOrderLine> additions = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "LINE_ITEM_ID", description = "Remove a line. Repeatable.")
    List<String> removals = new ArrayList<>();

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OrderEdit edit = new OrderEdit(
                quantities.stream()
                        .map(option -> new OrderEdit.QuantityChange(option.lineItemId, option.quantity))
                        .toList(),
                removals,
                additions);
        if (edit.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "Nothing to change: give --line with --quantity, --add or --remove.");
        }
        try (var context = RestockRuntime.startForCommand(orders.root.home())) {
            StockOrders all = context.getBean(StockOrders.class);
            StockOrder order = all.resolve(reference);
            all.edit(order.id(), edit, OrdersCommand.user());
            OrderPrinter.print(
                    context.getBean(OrderDocuments.class).of(order.id()),
                    output,
                    spec.commandLine().getOut());
        }
        return 0;
    }
}
