package dev.restock.cli;

import dev.restock.connections.Connection;
import dev.restock.connections.ConnectionCheck;
import dev.restock.connections.ConnectionDdl;
import dev.restock.connections.ConnectionException;
import dev.restock.connections.ConnectionKind;
import dev.restock.connections.ConnectionTester;
import dev.restock.connections.Connections;
import dev.restock.connections.SecretReference;
import dev.restock.connections.SecretSettings;
import dev.restock.orders.OrderType;
import dev.restock.orders.StockOrders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
            ConnectionsCommand.Ddl.class,
            ConnectionsCommand.Add.class
        })
final class ConnectionsCommand {

    @ParentCommand
    RestockCommand root;

    /**
     * A connection as printed: where the password comes from, never the password; a secret in a
     * URL stored before such URLs were refused is masked.
     */
    record Listed(
            String name,
            String kind,
            String jdbcUrl,
            String user,
            String password,
            String privateKeyFile,
            String privateKeyPassphrase,
            Map<String, String> tables) {

        static Listed of(Connection connection) {
            Map<String, String> tables = new TreeMap<>();
            connection.tables().forEach((type, table) -> tables.put(type.code(), table));
            return new Listed(
                    connection.name(),
                    connection.kind().code(),
                    SecretSettings.mask(connection.jdbcUrl()),
                    connection.user(),
                    source(connection.password()),
                    connection.privateKeyFile() == null
                            ? null
                            : connection.privateKeyFile().toString(),
                    source(connection.privateKeyPassphrase()),
                    tables);
        }

        /** {@code env:NAME} or {@code file:PATH}: where the secret is read from. */
        private static String source(SecretReference reference) {
            return reference == null ? null : reference.toString();
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Every connection: its URL, user, where its secrets are read from (never the secrets) and"
                    + " its tables.")
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
                            "%-16s %-10s %s  %stables %s%n",
                            connection.name(),
                            connection.kind(),
                            connection.jdbcUrl(),
                            userAndSecrets(connection),
                            connection.tables()));
                }
            }
            return 0;
        }
    }

    /**
     * The user and where each secret is read from, for the table ({@code user RESTOCK  private key
     * /etc/restock/rsa_key.p8, passphrase env:RESTOCK_KEY_PASS  }); empty for none.
     */
    static String userAndSecrets(Listed connection) {
        StringBuilder text = new StringBuilder();
        if (connection.user() != null) {
            text.append("user ").append(connection.user()).append("  ");
        }
        List<String> secrets = new ArrayList<>();
        if (connection.privateKeyFile() != null) {
            secrets.add("private key " + connection.privateKeyFile());
        }
        if (connection.privateKeyPassphrase() != null) {
            secrets.add("passphrase " + connection.privateKeyPassphrase());
        }
        if (connection.password() != null) {
            secrets.add("password " + connection.password());
        }
        if (!secrets.isEmpty()) {
            text.append(String.join(", ", secrets)).append("  ");
        }
        return text.toString();
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
                table.notes().forEach(note -> out.println("  note: " + note));
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

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Store a new connection (--replace: replace one of the same name). Secrets are never"
                    + " given on the command line: name the environment variable or file that holds them.")
    static final class Add implements Callable<Integer> {

        @ParentCommand
        ConnectionsCommand connections;

        @Parameters(paramLabel = "NAME", description = "The connection's name, e.g. snowflake.")
        String name;

        @Option(
                names = "--kind",
                required = true,
                paramLabel = "KIND",
                description = "duckdb, postgresql or snowflake.")
        ConnectionKind kind;

        @Option(
                names = "--url",
                required = true,
                paramLabel = "JDBC_URL",
                description = "The JDBC URL, no password; it starts with jdbc:duckdb:, jdbc:postgresql: or"
                        + " jdbc:snowflake: as --kind says.")
        String url;

        @Option(names = "--user", description = "The user (Snowflake: the service user).")
        String user;

        @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this variable.")
        String passwordEnv;

        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file.")
        Path passwordFile;

        @Option(
                names = "--private-key-file",
                paramLabel = "FILE",
                description = "Snowflake key-pair authentication: a PKCS#8 private key (.p8), encrypted or not.")
        Path privateKeyFile;

        @Option(names = "--private-key-passphrase-env", paramLabel = "VAR", description = "The key's passphrase.")
        String passphraseEnv;

        @Option(names = "--private-key-passphrase-file", paramLabel = "FILE", description = "The key's passphrase.")
        Path passphraseFile;

        @Option(
                names = "--property",
                paramLabel = "KEY=VALUE",
                description = "A driver property that is not secret, e.g. warehouse=RESTOCK_WH (repeatable).")
        List<String> propertyOptions = new ArrayList<>();

        @Option(
                names = "--table",
                paramLabel = "TYPE=TABLE",
                description = "The table of an order type (po, transfer, assembly), e.g. po=ORDERS.PURCHASE_ORDERS.")
        Map<String, String> tables = new TreeMap<>();

        @Option(
                names = "--replace",
                description = "Replace the connection of this name; without it a name in use is refused. Orders"
                        + " saved to it are then synced from the new settings.")
        boolean replace;

        @Option(
                names = "--updated-at-maintained",
                description = "The customer's systems set UPDATED_AT on every change: sync reads only changed rows.")
        boolean updatedAtMaintained;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Connection connection = connection();
            long savedOrders = 0;
            try (var context = RestockRuntime.startForCommand(connections.root.home())) {
                Connections all = context.getBean(Connections.class);
                if (replace) {
                    savedOrders = context.getBean(StockOrders.class).countSavedTo(name);
                    all.save(connection);
                } else {
                    all.add(connection);
                }
            }
            spec.commandLine()
                    .getOut()
                    .println("Stored connection '" + name + "'. Check it: restock connections test " + name);
            if (savedOrders > 0) {
                spec.commandLine()
                        .getErr()
                        .println("warning: Connection '" + name + "' holds " + savedOrders + " saved stock order"
                                + (savedOrders == 1 ? "; sync now reads it" : "s; sync now reads them")
                                + " with the new settings and flags any it cannot find there as missing.");
            }
            warnOfUnreadableSecrets(connection);
            return 0;
        }

        /**
         * The connection the options describe. What it refuses (a URL its kind's driver would not
         * take, an unknown order type, a secret in the URL or a property) is bad usage, reported
         * before anything is started.
         */
        private Connection connection() {
            if (!kind.accepts(url)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Invalid value for option '--url': '" + SecretSettings.mask(url) + "' is not a " + kind.code()
                                + " JDBC URL"
                                + " (expected one starting with " + kind.jdbcPrefix() + ")");
            }
            Map<OrderType, String> byType = new EnumMap<>(OrderType.class);
            tables.forEach((type, table) -> byType.put(orderType(type), table));
            Map<String, String> properties = properties();
            try {
                SecretSettings.refuseSecrets(name, url, properties);
                return new Connection(
                                name,
                                kind,
                                url,
                                user,
                                secret("--password", passwordEnv, passwordFile),
                                properties,
                                byType,
                                false)
                        .withPrivateKey(
                                privateKeyFile, secret("--private-key-passphrase", passphraseEnv, passphraseFile))
                        .withUpdatedAtMaintained(updatedAtMaintained);
            } catch (ConnectionException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }

        /**
         * The {@code --property} options as a map. Read here rather than by picocli, whose message
         * for a value without {@code =} quotes it, and a mistyped {@code password:...} would be
         * printed.
         */
        private Map<String, String> properties() {
            Map<String, String> properties = new TreeMap<>();
            for (String option : propertyOptions) {
                int equals = option.indexOf('=');
                if (equals < 0) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "Invalid value for option '--property': expected KEY=VALUE, e.g. warehouse=RESTOCK_WH"
                                    + " (what was given is not shown: it may be a secret)");
                }
                properties.put(option.substring(0, equals).strip(), option.substring(equals + 1));
            }
            return properties;
        }

        private OrderType orderType(String code) {
            try {
                return OrderType.fromCode(code);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Invalid value for option '--table': '" + code + "' is not an order type (expected po,"
                                + " transfer or assembly)");
            }
        }

        /**
         * Stores the connection even when a secret cannot be read here: the process that opens it
         * (`restock serve` under a service manager, say) may have an environment and file access
         * this shell has not, and an administrator should not have to export a password into an
         * interactive shell only to store where it comes from. The warning says so.
         */
        private void warnOfUnreadableSecrets(Connection connection) {
            PrintWriter err = spec.commandLine().getErr();
            for (String problem : connection.unreadableSecrets()) {
                err.println("warning: " + problem + " Restock reads it each time it opens the connection: make it"
                        + " available to the process that saves orders (restock serve, or this shell) before `restock"
                        + " connections test " + connection.name() + "`.");
            }
            err.flush();
        }

        private SecretReference secret(String option, String variable, Path file) {
            if (variable != null && file != null) {
                throw new ParameterException(
                        spec.commandLine(), option + "-env and " + option + "-file: give one of them, not both.");
            }
            return variable != null
                    ? SecretReference.environment(variable)
                    : file == null ? null : SecretReference.file(file.toAbsolutePath());
        }
    }
}
