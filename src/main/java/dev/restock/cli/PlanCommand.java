package dev.restock.cli;

import dev.restock.RestockException;
import dev.restock.replenishment.ReplenishmentReport;
import dev.restock.replenishment.ReplenishmentRow;
import dev.restock.replenishment.ReportFilters;
import dev.restock.replenishment.ReportQuery;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock plan}: the replenishment report. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        subcommands = PlanExplainCommand.class,
        description =
                "The replenishment report: per variant and warehouse, how much to replenish and order, and by when.")
public final class PlanCommand implements Callable<Integer> {

    /** Output formats of the report; CSV only here, so other commands' --format is unchanged. */
    enum Format {
        TABLE,
        CSV,
        JSON
    }

    private static final List<String> COLUMNS =
            List.of("sku", "warehouse", "replenishment", "toOrder", "replenishmentDate", "forecastMethod", "status");

    @ParentCommand
    RestockCommand root;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.TABLE;

    @Option(names = "--warehouse", paramLabel = "CODE", description = "Only this warehouse.")
    String warehouse;

    @Option(names = "--vendor", paramLabel = "CODE", description = "Only variants bought from this vendor.")
    String vendor;

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            description = "Only lines with this status: order-now, order-soon, overstock, ok.")
    String status;

    @Option(
            names = "--sort",
            paramLabel = "ORDER",
            defaultValue = "replenishment-date",
            description = "replenishment-date (soonest first) or lost-revenue (largest first)."
                    + " Default: ${DEFAULT-VALUE}.")
    String sort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReportQuery query;
        try {
            query = ReportQuery.parse(warehouse, vendor, status, sort);
        } catch (RestockException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (var context = RestockRuntime.startForCommand(root.home())) {
            List<ReplenishmentRow> rows = context.getBean(ReportFilters.class)
                    .checked(query)
                    .apply(context.getBean(ReplenishmentReport.class).rows());
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case JSON -> out.println(FormatOption.toJson(rows));
                case CSV -> printCsv(rows, out);
                case TABLE -> printTable(rows, out);
            }
            out.flush();
        }
        return 0;
    }

    private static void printCsv(List<ReplenishmentRow> rows, PrintWriter out) {
        out.println(String.join(",", COLUMNS));
        for (ReplenishmentRow row : rows) {
            out.println(String.join(
                    ",", cells(row).stream().map(PlanCommand::csvCell).toList()));
        }
    }

    private static void printTable(List<ReplenishmentRow> rows, PrintWriter out) {
        out.println("| " + String.join(" | ", COLUMNS) + " |");
        out.println("| --- | --- | ---: | ---: | --- | --- | --- |");
        for (ReplenishmentRow row : rows) {
            out.println("| " + String.join(" | ", cells(row)) + " |");
        }
    }

    private static List<String> cells(ReplenishmentRow row) {
        return List.of(
                row.sku(),
                row.warehouse(),
                plain(row.replenishment()),
                plain(row.toOrder()),
                date(row.replenishmentDate()),
                row.forecastMethod(),
                row.status());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String csvCell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
