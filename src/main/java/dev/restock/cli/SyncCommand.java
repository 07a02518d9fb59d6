package dev.restock.cli;

import dev.restock.RestockException;
import dev.restock.connections.OrderSync;
import dev.restock.connections.SyncResult;
import dev.restock.orders.OrderSyncWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock sync [--connection NAME]}: bring downstream changes to saved orders back. */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = "Read saved orders back from their connections and apply what changed downstream."
                + " Exit code 1 when a connection cannot be read.")
final class SyncCommand implements Callable<Integer> {

    /** The whole run, as printed: totals, and each connection's result. */
    record Report(int ordersChecked, int ordersChanged, int linesChanged, List<SyncResult> connections) {

        static Report of(List<SyncResult> results) {
            return new Report(
                    results.stream().mapToInt(SyncResult::ordersChecked).sum(),
                    results.stream().mapToInt(SyncResult::ordersChanged).sum(),
                    results.stream().mapToInt(SyncResult::linesChanged).sum(),
                    results);
        }
    }

    @ParentCommand
    RestockCommand root;

    @Option(
            names = "--connection",
            paramLabel = "NAME",
            description = "Sync only this connection. Default: every connection with open saved orders.")
    String connection;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var context = RestockRuntime.startForCommand(root.home())) {
            OrderSync sync = context.getBean(OrderSync.class);
            List<String> names = connection != null
                    ? List.of(connection)
                    : context.getBean(OrderSyncWriter.class).connectionsToSync();
            List<SyncResult> results = new ArrayList<>();
            boolean failed = false;
            for (String name : names) {
                try {
                    results.add(sync.sync(name));
                } catch (RestockException e) {
                    if (connection != null) {
                        throw e;
                    }
                    // One unreachable connection must not keep the others from syncing.
                    spec.commandLine().getErr().println("error: " + e.getMessage());
                    failed = true;
                }
            }
            print(Report.of(results), spec.commandLine().getOut());
            return failed ? 1 : 0;
        }
    }

    private void print(Report report, PrintWriter out) {
        if (output.json()) {
            out.println(FormatOption.toJson(report));
            return;
        }
        for (SyncResult result : report.connections()) {
            out.printf(
                    "%-16s %d orders checked, %d changed, %d lines changed%n",
                    result.connection(), result.ordersChecked(), result.ordersChanged(), result.linesChanged());
            result.problems().forEach(problem -> out.println("  " + problem.reference() + ": " + problem.problem()));
        }
        if (report.connections().isEmpty()) {
            out.println("No saved orders to sync.");
        }
    }
}
