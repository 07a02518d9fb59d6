package dev.restock.cli;

import dev.restock.replenishment.CalculationStep;
import dev.restock.replenishment.ReplenishmentExplanation;
import dev.restock.replenishment.ReplenishmentExplanation.Inputs;
import dev.restock.replenishment.ReplenishmentReport;
import dev.restock.replenishment.ReplenishmentRow;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock plan explain SKU --warehouse W}: the inputs and arithmetic of one report line. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Why one line of the report is what it is: its inputs and each step of the arithmetic.")
final class PlanExplainCommand implements Callable<Integer> {

    @ParentCommand
    PlanCommand plan;

    @Parameters(paramLabel = "SKU", description = "The variant's SKU.")
    String sku;

    @Option(names = "--warehouse", paramLabel = "CODE", required = true, description = "The warehouse.")
    String warehouse;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var context = RestockRuntime.startForCommand(plan.root.home())) {
            ReplenishmentExplanation explanation =
                    context.getBean(ReplenishmentReport.class).explain(sku, warehouse);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                out.println(FormatOption.toJson(explanation));
            } else {
                print(explanation, out);
            }
            out.flush();
        }
        return 0;
    }

    private static void print(ReplenishmentExplanation explanation, PrintWriter out) {
        ReplenishmentRow line = explanation.line();
        Inputs in = explanation.inputs();
        out.printf("%s in %s, planned for %s (%s)%n", line.sku(), line.warehouse(), in.planDate(), in.timeZone());
        out.println();
        out.println("Inputs");
        row(out, "forecast method", in.forecastMethod());
        row(out, "forecast, first day", plain(in.forecastFirstDay()));
        row(out, "lead time (days)", String.valueOf(in.leadTimeDays()));
        row(out, "days of stock", String.valueOf(in.daysOfStock()));
        row(out, "minimum stock", plain(in.minStock()));
        row(out, "maximum stock", in.maxStock() == null ? "none" : plain(in.maxStock()));
        row(out, "available", plain(in.available()));
        row(out, "in transit", plain(in.inTransit()) + transferNote(line));
        row(out, "on order in window", plain(in.onOrderInWindow()));
        row(out, "component needs", plain(in.componentNeeds()));
        row(out, "vendor", in.vendor() == null ? "none" : in.vendor());
        row(out, "MOQ", plain(in.moq()));
        row(out, "order multiple", plain(in.orderMultiple()));
        row(out, "unit price", plain(in.unitPrice()));
        out.println();
        out.println("Steps");
        for (CalculationStep step : explanation.steps()) {
            out.printf("  %-26s %14s   %s%n", step.name(), plain(step.value()), step.how());
        }
        out.println();
        row(out, "status", line.status());
        row(
                out,
                "replenishment date",
                line.replenishmentDate() == null
                        ? "none"
                        : line.replenishmentDate().toString());
        row(out, "days of cover", String.valueOf(line.daysOfCover()));
    }

    private static String transferNote(ReplenishmentRow line) {
        return line.transferIn().signum() > 0
                ? " (includes a suggested transfer of " + plain(line.transferIn()) + ")"
                : "";
    }

    private static void row(PrintWriter out, String name, String value) {
        out.printf("  %-26s %s%n", name, value);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
