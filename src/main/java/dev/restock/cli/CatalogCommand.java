package dev.restock.cli;

import dev.restock.sales.CatalogSummary;
import dev.restock.sales.CatalogSummaryQuery;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock catalog ...}. */
@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        description = "Look at the catalog and sales history.",
        subcommands = CatalogCommand.Summary.class)
final class CatalogCommand {

    @ParentCommand
    RestockCommand root;

    @Command(
            name = "summary",
            mixinStandardHelpOptions = true,
            description = "Counts of variants, warehouses, vendors, sales lines and days of history.")
    static final class Summary implements Callable<Integer> {

        @ParentCommand
        CatalogCommand catalog;

        @Mixin
        FormatOption output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = RestockRuntime.startForCommand(catalog.root.home())) {
                CatalogSummary summary =
                        context.getBean(CatalogSummaryQuery.class).summary();
                print(summary, spec.commandLine().getOut());
            }
            return 0;
        }

        private void print(CatalogSummary summary, PrintWriter out) {
            if (output.json()) {
                out.println(FormatOption.toJson(summary));
                return;
            }
            out.printf("variants      %,d%n", summary.variants());
            out.printf("warehouses    %,d%n", summary.warehouses());
            out.printf("vendors       %,d%n", summary.vendors());
            out.printf("sales lines   %,d%n", summary.salesLines());
            out.printf("first sale    %s%n", summary.firstSale() == null ? "-" : summary.firstSale());
            out.printf("last sale     %s%n", summary.lastSale() == null ? "-" : summary.lastSale());
            out.printf("days          %,d (%,d trading days)%n", summary.daysOfHistory(), summary.tradingDays());
        }
    }
}
