package dev.restock.cli;

import dev.restock.RestockException;
import dev.restock.connections.OrderSync;
import dev.restock.connections.SyncResult;
import dev.restock.orders.OrderSyncWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code restock sync [--connection NAME]}: bring downstream changes to saved orders back. Every
 * connection gets its pass even when another cannot be reached; each one's outcome is printed,
 * and any failure is also an {@code error:} line (and an entry of the JSON's {@code errors}) with
 * exit code 1.
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = "Read saved orders back from their connections and apply what changed downstream."
                + " Exit code 1 when a connection cannot be read.")
final class SyncCommand implements Callable<Integer> {

    /** The whole run, as printed: totals, each connection's outcome, and the failures. */
    record Report(
            int ordersChecked,
            int ordersChanged,
            int linesChanged,
            List<ConnectionOutcome> connections,
            List<Failure> errors) {

        static Report of(List<ConnectionOutcome> outcomes) {
            return new Report(
                    total(outcomes, ConnectionOutcome::ordersChecked),
                    total(outcomes, ConnectionOutcome::ordersChanged),
                    total(outcomes, ConnectionOutcome::linesChanged),
                    outcomes,
                    outcomes.stream()
                            .filter(outcome -> outcome.error() != null)
                            .map(outcome -> new Failure(outcome.error(), outcome.connection()))
                            .toList());
        }

        private static int total(List<ConnectionOutcome> outcomes, Function<ConnectionOutcome, Integer> count) {
            return outcomes.stream()
                    .map(count)
                    .filter(Objects::nonNull)
                    .mapToInt(Integer::intValue)
                    .sum();
        }
    }

    /**
     * One connection's pass: {@code synced} with its counts and the problems of its orders, or
     * {@code failed} with the error and no counts (orders applied before a failure stay applied,
     * but how many is not known).
     */
    record ConnectionOutcome(
            String connection,
            String outcome,
            String error,
            Integer ordersChecked,
            Integer ordersChanged,
            Integer linesChanged,
            Boolean fullPass,
            List<SyncResult.Problem> problems) {

        static ConnectionOutcome synced(SyncResult result) {
            return new ConnectionOutcome(
                    result.connection(),
                    "synced",
                    null,
                    result.ordersChecked(),
                    result.ordersChanged(),
                    result.linesChanged(),
                    result.fullPass(),
                    result.problems());
        }

        static ConnectionOutcome failed(String connection, String error) {
            return new ConnectionOutcome(connection, "failed", error, null, null, null, null, List.of());
        }
    }

    /** As every command's JSON {@code errors} has them, with the connection that failed. */
    record Failure(String message, String connection) {}

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
            List<ConnectionOutcome> outcomes = new ArrayList<>();
            for (String name : names) {
                try {
                    outcomes.add(ConnectionOutcome.synced(sync.sync(name)));
                } catch (RestockException e) {
                    // One unreachable connection must not keep the others from syncing.
                    outcomes.add(ConnectionOutcome.failed(name, ErrorReport.line(e.getMessage())));
                }
            }
            Report report = Report.of(outcomes);
            print(report, spec.commandLine().getOut());
            report.errors().forEach(error -> spec.commandLine().getErr().println("error: " + error.message()));
            return report.errors().isEmpty() ? 0 : 1;
        }
    }

    private void print(Report report, PrintWriter out) {
        if (output.json()) {
            out.println(FormatOption.toJson(report));
            out.flush();
            return;
        }
        for (ConnectionOutcome outcome : report.connections()) {
            if (outcome.error() != null) {
                out.printf("%-16s not synced (the error follows)%n", outcome.connection());
                continue;
            }
            out.printf(
                    "%-16s %d orders checked, %d changed, %d lines changed%n",
                    outcome.connection(), outcome.ordersChecked(), outcome.ordersChanged(), outcome.linesChanged());
            outcome.problems().forEach(problem -> out.println("  " + problem.reference() + ": " + problem.problem()));
        }
        if (report.connections().isEmpty()) {
            out.println("No saved orders to sync.");
        }
        out.flush();
    }
}
