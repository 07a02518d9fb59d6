package dev.restock.cli;

import dev.restock.orders.NewOrderLine;
import dev.restock.orders.NewStockOrder;
import dev.restock.orders.OrderCatalog;
import dev.restock.orders.OrderDocuments;
import dev.restock.orders.OrderType;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrders;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock orders create ...}: a draft stock order with its lines, all or nothing. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Create a draft stock order with its lines (all or nothing).")
final class OrdersCreateCommand implements Callable<Integer> {

    @ParentCommand
    OrdersCommand orders;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "po, transfer or assembly.")
    OrderType type;

    @Option(names = "--warehouse", required = true, paramLabel = "CODE", description = "The destination warehouse.")
    String warehouse;

    @Option(names = "--vendor", paramLabel = "CODE", description = "The vendor (required for po).")
    String vendor;

    @Option(
            names = "--source-warehouse",
            paramLabel = "CODE",
            description = "Where stock comes from (required for transfer, optional for assembly).")
    String sourceWarehouse;

    @Option(
            names = "--currency",
            paramLabel = "CODE",
            description = "ISO 4217 code, e.g. EUR. Default for po: the vendor's currency.")
    String currency;

    @Option(names = "--expected", paramLabel = "YYYY-MM-DD", description = "Expected arrival date.")
    LocalDate expectedDate;

    @Option(
            names = "--line",
            paramLabel = "SKU=QTY[@COST]",
            converter = OrderLineConverter.class,
            description = "A line: SKU, quantity and optionally unit cost, e.g. MUG-1=12@1.25. Repeat for more"
                    + " lines. Without a cost a po line takes the vendor's cost for the variant, if known.")
    List<NewOrderLine> lines = new ArrayList<>();

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var context = RestockRuntime.startForCommand(orders.root.home())) {
            OrderCatalog catalog = context.getBean(OrderCatalog.class);
            NewStockOrder order = new NewStockOrder(
                    type,
                    catalog.warehouseId(warehouse),
                    vendor == null ? null : catalog.vendorId(vendor),
                    sourceWarehouse == null ? null : catalog.warehouseId(sourceWarehouse),
                    currency == null ? null : currency.toUpperCase(java.util.Locale.ROOT),
                    expectedDate);
            StockOrder created = context.getBean(StockOrders.class).create(order, lines, OrdersCommand.user());
            if (!output.json()) {
                spec.commandLine().getOut().printf("Created %s%n", created.reference());
            }
            OrderPrinter.print(
                    context.getBean(OrderDocuments.class).of(created.id()),
                    output,
                    spec.commandLine().getOut());
        }
        return 0;
    }
}
