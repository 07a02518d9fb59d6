package dev.restock.cli;

import dev.restock.connections.Connection;
import dev.restock.connections.ConnectionCheck;
import dev.restock.connections.ConnectionDdl;
import dev.restock.connections.ConnectionTester;
import dev.restock.connections.Connections;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restock connections ...}: where stock orders are saved. */
@Command(
        name = "connections",
        mixinStandardHelpOptions = true,
        description = "List and test the connections stock orders are saved to, and create their tables.",
        subcommands = {
            ConnectionsCommand.ListConnections.class,
            ConnectionsCommand.Test.class,
            ConnectionsCommand.Ddl.class
        })
final class ConnectionsCommand {

    @ParentCommand
    RestockCommand root;

    /** A connection as printed: where the password comes from, never the password. */
    record Listed(String name, String kind, String jdbcUrl, String user, String password, Map<String, String> tables) {

        static Listed of(Connection connection) {
            Map<String, String> tables = new TreeMap<>();
            connection.tables().forEach((type, table) -> tables.put(type.code(), table));
            return new Listed(
                    connection.name(),
                    connection.kind().code(),
                    connection.jdbcUrl(),
                    connection.user(),
                    connection.password() == null ? null : connection.password().toString(),
                    tables);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every connection, with its tables.")
    static final class ListConnections implements Callable<Integer> {

        @ParentCommand
        ConnectionsCommand connections;

        @Mixin
        FormatOption output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = RestockRuntime.startForCommand(connections.root.home())) {
                Connections all = context.getBean(Connections.class);
                List<Listed> listed =
                        all.names().stream().map(all::get).map(Listed::of).toList();
                PrintWriter out = spec.commandLine().getOut();
                if (output.json()) {
                    out.println(FormatOption.toJson(listed));
                } else {
                    listed.forEach(connection -> out.printf(
                            "%-16s %-10s %s  tables %s%n",
                            connection.name(), connection.kind(), connection.jdbcUrl(), connection.tables()));
                }
            }
            return 0;
        }
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = "Open a connection and check its tables against the table contract. Exit code 1 when"
                    + " a table or column is missing; the output names the DDL that adds it.")
    static final class Test implements Callable<Integer> {

        @ParentCommand
        ConnectionsCommand connections;

        @Parameters(paramLabel = "NAME", description = "The connection, e.g. local.")
        String name;

        @Mixin
        FormatOption output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = RestockRuntime.startForCommand(connections.root.home())) {
                ConnectionCheck check = context.getBean(ConnectionTester.class).test(name);
                print(check, spec.commandLine().getOut());
                return check.ok() ? 0 : 1;
            }
        }

        private void print(ConnectionCheck check, PrintWriter out) {
            if (output.json()) {
                out.println(FormatOption.toJson(check));
                return;
            }
            for (ConnectionCheck.Table table : check.tables()) {
                out.printf("%-24s %s%n", table.name(), table.ok() ? "ok" : "NOT OK");
                if (table.problem() != null) {
                    out.println("  " + table.problem());
                }
                if (!table.missing().isEmpty()) {
                    out.println("  missing columns: " + table.missing());
                }
                table.privilegesMissing().forEach(privilege -> out.println("  not allowed: " + privilege));
                table.warnings().forEach(warning -> out.println("  warning: " + warning));
                if (!table.ok()) {
                    table.fix().forEach(ddl -> out.println("  fix: " + ddl.replace("\n", "\n       ")));
                }
            }
        }
    }

    @Command(
            name = "ddl",
            mixinStandardHelpOptions = true,
            description = "Print the CREATE TABLE statements of a connection's tables in its dialect;"
                    + " --apply runs them (for an administrator whose role may create tables).")
    static final class Ddl implements Callable<Integer> {

        @ParentCommand
        ConnectionsCommand connections;

        @Parameters(paramLabel = "NAME", description = "The connection, e.g. local.")
        String name;

        @Option(names = "--apply", description = "Run the statements on the connection.")
        boolean apply;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (var context = RestockRuntime.startForCommand(connections.root.home())) {
                ConnectionDdl ddl = context.getBean(ConnectionDdl.class);
                List<String> statements = apply ? ddl.apply(name) : ddl.statements(name);
                PrintWriter out = spec.commandLine().getOut();
                statements.forEach(statement -> out.println(statement + ";\n"));
                if (apply) {
                    out.println("-- ran " + statements.size() + " statements on '" + name + "'");
                }
            }
            return 0;
        }
    }
}
