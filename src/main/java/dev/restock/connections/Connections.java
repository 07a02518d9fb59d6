package dev.restock.connections;

import dev.restock.orders.OrderType;
import dev.restock.store.StoreProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connections in Restock's {@code connections} table, plus the built-in {@code local} DuckDB
 * file in the Restock home, which exists without a row until someone stores one under that name.
 */
@Component
public class Connections {

    public static final String LOCAL = "local";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final StoreProperties store;

    public Connections(JdbcClient jdbc, StoreProperties store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** The default connection: {@code <restock home>/local.duckdb}, tables created on demand. */
    public Connection local() {
        Path file = store.home().resolve("local.duckdb");
        return new Connection(
                LOCAL, ConnectionKind.DUCKDB, "jdbc:duckdb:" + file, null, null, Map.of(), Map.of(), true);
    }

    public Optional<Connection> find(String name) {
        Optional<Connection> stored = jdbc.sql("select name, kind, settings::text from connections where name = ?")
                .param(name)
                .query((rs, rowNum) -> fromRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
        return stored.isEmpty() && LOCAL.equals(name) ? Optional.of(local()) : stored;
    }

    public Connection get(String name) {
        return find(name)
                .orElseThrow(() -> new ConnectionException("There is no connection '" + name + "'. Known connections: "
                        + String.join(", ", names()) + "."));
    }

    /**
     * Stores a new connection. A name in use is refused rather than replaced: orders saved to it
     * would be synced from the new settings, so replacing is asked for with {@link #save}.
     *
     * @throws ConnectionException if a connection of that name exists (the built-in {@code local}
     *     always does), or its settings carry a secret; nothing is changed then
     */
    public void add(Connection connection) {
        SecretSettings.refuseSecrets(connection.name(), connection.jdbcUrl(), connection.properties());
        refuseANameThatDiffersOnlyInCase(connection.name());
        boolean added = !LOCAL.equals(connection.name())
                && jdbc.sql("""
                                insert into connections (name, kind, settings) values (?, ?, cast(? as jsonb))
                                on conflict (name) do nothing
                                """)
                                .params(connection.name(), connection.kind().code(), settings(connection))
                                .update()
                        == 1;
        if (!added) {
            throw new ConnectionException("Connection '" + connection.name() + "' already exists; nothing was"
                    + " changed. Use --replace to replace its settings (restock connections list shows them).");
        }
    }

    /**
     * Stores a connection, replacing one of the same name.
     *
     * @throws ConnectionException if its URL or properties carry a secret ({@link SecretSettings});
     *     nothing is stored then
     */
    public void save(Connection connection) {
        SecretSettings.refuseSecrets(connection.name(), connection.jdbcUrl(), connection.properties());
        refuseANameThatDiffersOnlyInCase(connection.name());
        jdbc.sql("""
                insert into connections (name, kind, settings) values (?, ?, cast(? as jsonb))
                on conflict (name) do update set kind = excluded.kind, settings = excluded.settings,
                                                 updated_at = now()
                """)
                .params(connection.name(), connection.kind().code(), settings(connection))
                .update();
    }

    /**
     * Two connections whose names differ only in case ({@code LOCAL} beside {@code local}) would be
     * told apart by nobody reading a list or a command line: refused.
     */
    private void refuseANameThatDiffersOnlyInCase(String name) {
        names().stream()
                .filter(existing -> !existing.equals(name) && existing.equalsIgnoreCase(name))
                .findFirst()
                .ifPresent(existing -> {
                    throw new ConnectionException("Connection '" + name + "' would differ from connection '" + existing
                            + "' only in case; nothing was changed. Use '" + existing + "', or another name.");
                });
    }

    public List<String> names() {
        List<String> names = new ArrayList<>(jdbc.sql("select name from connections order by name")
                .query(String.class)
                .list());
        if (!names.contains(LOCAL)) {
            names.addFirst(LOCAL);
        }
        return names;
    }

    private static String settings(Connection connection) {
        ObjectNode settings = JSON.createObjectNode();
        settings.put("jdbcUrl", connection.jdbcUrl());
        settings.put("user", connection.user());
        if (connection.password() != null) {
            settings.put("passwordEnv", connection.password().environmentVariable());
            Path file = connection.password().file();
            settings.put("passwordFile", file == null ? null : file.toString());
        }
        if (connection.privateKeyFile() != null) {
            settings.put("privateKeyFile", connection.privateKeyFile().toString());
        }
        SecretReference passphrase = connection.privateKeyPassphrase();
        if (passphrase != null) {
            settings.put("privateKeyPassphraseEnv", passphrase.environmentVariable());
            Path file = passphrase.file();
            settings.put("privateKeyPassphraseFile", file == null ? null : file.toString());
        }
        ObjectNode properties = settings.putObject("properties");
        connection.properties().forEach(properties::put);
        ObjectNode tables = settings.putObject("tables");
        connection.tables().forEach((type, table) -> tables.put(type.code(), table));
        settings.put("createTables", connection.createTables());
        settings.put("updatedAtMaintained", connection.updatedAtMaintained());
        return JSON.writeValueAsString(settings);
    }

    private static Connection fromRow(String name, String kind, String json) {
        JsonNode settings = JSON.readTree(json);
        SecretReference password = secret(settings, "password");
        String keyFile = text(settings, "privateKeyFile");
        Map<String, String> properties = new LinkedHashMap<>();
        settings.path("properties")
                .properties()
                .forEach(
                        entry -> properties.put(entry.getKey(), entry.getValue().asString()));
        Map<OrderType, String> tables = new EnumMap<>(OrderType.class);
        settings.path("tables")
                .properties()
                .forEach(entry -> tables.put(
                        OrderType.fromCode(entry.getKey()), entry.getValue().asString()));
        return new Connection(
                name,
                ConnectionKind.fromCode(kind),
                text(settings, "jdbcUrl"),
                text(settings, "user"),
                password,
                properties,
                tables,
                settings.path("createTables").asBoolean(false),
                keyFile == null ? null : Path.of(keyFile),
                secret(settings, "privateKeyPassphrase"),
                settings.path("updatedAtMaintained").asBoolean(false));
    }

    /** A secret reference stored as {@code <prefix>Env} or {@code <prefix>File}, or null. */
    private static SecretReference secret(JsonNode settings, String prefix) {
        String variable = text(settings, prefix + "Env");
        String file = text(settings, prefix + "File");
        return variable != null
                ? SecretReference.environment(variable)
                : file != null ? SecretReference.file(Path.of(file)) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
