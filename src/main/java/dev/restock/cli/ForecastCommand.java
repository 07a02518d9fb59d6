package dev.restock.cli;

import dev.restock.forecast.BacktestReport;
import dev.restock.forecast.BacktestTable;
import dev.restock.forecast.DemandForecaster;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock forecast ...}. */
@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description = "Forecast demand and measure how good the forecast is.",
        subcommands = ForecastCommand.Backtest.class)
final class ForecastCommand {

    @ParentCommand
    RestockCommand root;

    @Command(
            name = "backtest",
            mixinStandardHelpOptions = true,
            description = "Hold out the last weeks of the sales history, forecast them from the weeks before,"
                    + " and report WAPE and MASE on weekly totals for each method, the per-variant choice"
                    + " and the naive and seasonal-naive baselines.")
    static final class Backtest implements Callable<Integer> {

        @ParentCommand
        ForecastCommand forecast;

        @Mixin
        FormatOption output;

        @Option(
                names = "--holdout-weeks",
                paramLabel = "WEEKS",
                defaultValue = "8",
                description = "Weeks at the end of the history to hold out (default: ${DEFAULT-VALUE}).")
        int holdoutWeeks;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (holdoutWeeks < 1) {
                throw new ParameterException(
                        spec.commandLine(), "--holdout-weeks must be at least 1, was " + holdoutWeeks);
            }
            try (var context = RestockRuntime.startForCommand(forecast.root.home())) {
                BacktestReport report = context.getBean(DemandForecaster.class).backtest(holdoutWeeks);
                var out = spec.commandLine().getOut();
                out.print(
                        output.json()
                                ? FormatOption.toJson(report) + System.lineSeparator()
                                : BacktestTable.format(report));
                out.flush();
            }
            return 0;
        }
    }
}
