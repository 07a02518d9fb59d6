package dev.restock.connections;

import dev.restock.orders.OrderType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A connection's settings: how to reach the system and which table each order type is saved to.
 * Holds no secret, so it may be stored and printed; {@code password} names where the secret is
 * read from. {@link Connections#save} refuses a URL or property carrying a secret
 * ({@link SecretSettings}); one stored before that rule still loads, and {@link #toString} masks it.
 *
 * @param properties driver properties that are not secret (e.g. Snowflake's {@code warehouse})
 * @param privateKeyFile Snowflake key-pair authentication: a PKCS#8 private key in PEM form,
 *     encrypted ({@code ENCRYPTED PRIVATE KEY}) or not; preferred to a password
 * @param privateKeyPassphrase where the passphrase of an encrypted private key is read from
 * @param updatedAtMaintained the customer's systems set UPDATED_AT on every change they make, so
 *     sync may read only rows changed since its cursor (with a full pass now and then)
 * @param tables the table per order type; may name one table for several types
 * @param createTables create missing tables before a push (the local DuckDB connection); a
 *     customer's tables are theirs to create
 */
public record Connection(
        String name,
        ConnectionKind kind,
        String jdbcUrl,
        String user,
        SecretReference password,
        Map<String, String> properties,
        Map<OrderType, String> tables,
        boolean createTables,
        java.nio.file.Path privateKeyFile,
        SecretReference privateKeyPassphrase,
        boolean updatedAtMaintained) {

    public static final Map<OrderType, String> DEFAULT_TABLES = Map.of(
            OrderType.PO, "PURCHASE_ORDERS",
            OrderType.TRANSFER, "TRANSFER_ORDERS",
            OrderType.ASSEMBLY, "ASSEMBLY_ORDERS");

    public Connection {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new ConnectionException(
                    "A connection name is 1 to 64 letters, digits, '_', '.' or '-', not '" + name + "'.");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        properties = Map.copyOf(properties == null ? Map.of() : properties);
        if (privateKeyFile == null && privateKeyPassphrase != null) {
            throw new ConnectionException(
                    "Connection '" + name + "' names a private key passphrase but no" + " private key file.");
        }
        EnumMap<OrderType, String> complete = new EnumMap<>(DEFAULT_TABLES);
        if (tables != null) {
            complete.putAll(tables);
        }
        tables = Map.copyOf(complete);
    }

    /** A connection that authenticates with a password, or needs no secret. */
    public Connection(
            String name,
            ConnectionKind kind,
            String jdbcUrl,
            String user,
            SecretReference password,
            Map<String, String> properties,
            Map<OrderType, String> tables,
            boolean createTables) {
        this(name, kind, jdbcUrl, user, password, properties, tables, createTables, null, null, false);
    }

    /** The same connection authenticating with a private key (Snowflake key-pair authentication). */
    public Connection withPrivateKey(java.nio.file.Path keyFile, SecretReference passphrase) {
        return new Connection(
                name,
                kind,
                jdbcUrl,
                user,
                password,
                properties,
                tables,
                createTables,
                keyFile,
                passphrase,
                updatedAtMaintained);
    }

    /** The same connection, with or without sync by UPDATED_AT cursor. */
    public Connection withUpdatedAtMaintained(boolean maintained) {
        return new Connection(
                name,
                kind,
                jdbcUrl,
                user,
                password,
                properties,
                tables,
                createTables,
                privateKeyFile,
                privateKeyPassphrase,
                maintained);
    }

    /**
     * What this process cannot read now of what opening the connection reads: an environment
     * variable that is not set, a file that cannot be read. Each is a sentence naming the
     * variable or file; empty when everything can be read. A secret read for the check is
     * dropped at once.
     */
    public List<String> unreadableSecrets() {
        List<String> problems = new ArrayList<>();
        if (privateKeyFile != null) {
            if (!java.nio.file.Files.isReadable(privateKeyFile)) {
                problems.add("Connection '" + name + "' reads its private key from " + privateKeyFile
                        + ", which cannot be read.");
            }
            addIfUnreadable(privateKeyPassphrase, SecretReference.PASSPHRASE, problems);
        } else {
            // Without a key the password is used; with one it is not read at all.
            addIfUnreadable(password, SecretReference.PASSWORD, problems);
        }
        return List.copyOf(problems);
    }

    private void addIfUnreadable(SecretReference reference, String secret, List<String> problems) {
        if (reference == null) {
            return;
        }
        try {
            reference.read(name, secret);
        } catch (ConnectionException unreadable) {
            problems.add(unreadable.getMessage());
        }
    }

    /** The settings with any secret in the URL or properties masked, as logs may show them. */
    @Override
    public String toString() {
        return "Connection[name=" + name + ", kind=" + kind + ", jdbcUrl=" + SecretSettings.mask(jdbcUrl) + ", user="
                + user + ", password=" + password + ", properties=" + SecretSettings.mask(properties) + ", tables="
                + tables + ", createTables=" + createTables + ", privateKeyFile=" + privateKeyFile
                + ", privateKeyPassphrase=" + privateKeyPassphrase + ", updatedAtMaintained=" + updatedAtMaintained
                + "]";
    }

    public String tableFor(OrderType type) {
        return tables.get(type);
    }

    public SqlDialect dialect() {
        return kind.dialect();
    }
}
