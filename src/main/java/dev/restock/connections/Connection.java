package dev.restock.connections;

import dev.restock.orders.OrderType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A connection's settings: how to reach the system and which table each order type is saved to.
 * Holds no secret, so it may be stored and printed; {@code password} names where the secret is
 * read from, and a URL carrying a password is refused.
 *
 * @param properties driver properties that are not secret (e.g. Snowflake's {@code warehouse})
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
        boolean createTables) {

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
        if (jdbcUrl.toLowerCase(java.util.Locale.ROOT).matches(".*[?&;]password=.*")) {
            // Settings are stored and printed; the URL must not carry what the secret file holds.
            throw new ConnectionException("The JDBC URL of connection '" + name + "' contains a password. Remove"
                    + " it and name a file or environment variable that holds the password instead.");
        }
        properties = Map.copyOf(properties == null ? Map.of() : properties);
        for (String key : properties.keySet()) {
            if (key.toLowerCase(java.util.Locale.ROOT).matches(".*(password|passcode|token|secret|private_key).*")) {
                throw new ConnectionException("Driver property '" + key + "' of connection '" + name + "' looks like"
                        + " a secret. Settings are stored and printed; name a file or environment variable that"
                        + " holds the password instead.");
            }
        }
        EnumMap<OrderType, String> complete = new EnumMap<>(DEFAULT_TABLES);
        if (tables != null) {
            complete.putAll(tables);
        }
        tables = Map.copyOf(complete);
    }

    public String tableFor(OrderType type) {
        return tables.get(type);
    }

    public SqlDialect dialect() {
        return kind.dialect();
    }
}
