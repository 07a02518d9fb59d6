package dev.restock.cli;

import dev.restock.orders.OrderStatuses;
import dev.restock.orders.StatusType;
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

/** {@code restock orders statuses [add NAME --type TYPE]}: the order statuses and their types. */
@Command(
        name = "statuses",
        mixinStandardHelpOptions = true,
        description = "The order statuses and the type each belongs to.",
        subcommands = OrdersStatusesCommand.Add.class)
final class OrdersStatusesCommand implements Callable<Integer> {

    @ParentCommand
    OrdersCommand orders;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var context = RestockRuntime.startForCommand(orders.root.home())) {
            print(
                    context.getBean(OrderStatuses.class).list(),
                    spec.commandLine().getOut());
        }
        return 0;
    }

    private void print(List<OrderStatuses.Status> statuses, PrintWriter out) {
        if (output.json()) {
            out.println(FormatOption.toJson(statuses.stream()
                    .map(status -> java.util.Map.of(
                            "name", status.name(), "type", status.type().code()))
                    .toList()));
            return;
        }
        for (OrderStatuses.Status status : statuses) {
            out.printf("%-24s %s%n", status.name(), status.type().code());
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a status (stored in upper case) mapped to a type: draft, active, closed, cancelled.")
    static final class Add implements Callable<Integer> {

        @ParentCommand
        OrdersStatusesCommand statuses;

        @Parameters(paramLabel = "NAME", description = "The status name, as the downstream system writes it.")
        String name;

        @Option(
                names = "--type",
                required = true,
                paramLabel = "TYPE",
                description = "draft, active, closed or cancelled.")
        StatusType type;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = RestockRuntime.startForCommand(statuses.orders.root.home())) {
                OrderStatuses.Status added =
                        context.getBean(OrderStatuses.class).add(name, type);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Added status %s (%s)%n",
                                added.name(), added.type().code());
            }
            return 0;
        }
    }
}
