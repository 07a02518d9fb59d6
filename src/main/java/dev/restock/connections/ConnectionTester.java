package dev.restock.connections;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tests a connection before orders are saved to it: it can be opened, and each of its tables has
 * every required column of the contract. Reads only; creates and changes nothing.
 */
@Component
public class ConnectionTester {

    private final Connections connections;
    private final ConnectionOpener opener;

    public ConnectionTester(Connections connections, ConnectionOpener opener) {
        this.connections = connections;
        this.opener = opener;
    }

    /**
     * @throws ConnectionException if the connection is unknown or cannot be opened; the message
     *     carries the driver's error with any secret masked
     */
    public ConnectionCheck test(String name) {
        Connection connection = connections.get(name);
        List<String> tables =
                connection.tables().values().stream().distinct().sorted().toList();
        try (java.sql.Connection jdbc = opener.open(connection)) {
            List<ConnectionCheck.Table> checks =
                    tables.stream().map(table -> check(jdbc, connection, table)).toList();
            return new ConnectionCheck(connection.name(), checks);
        } catch (SQLException e) {
            throw new ConnectionException("Could not open connection '" + name + "': " + opener.describe(connection, e)
                    + ". Check its URL, user and password source.");
        }
    }

    private ConnectionCheck.Table check(java.sql.Connection jdbc, Connection connection, String table) {
        SqlDialect dialect = connection.dialect();
        Map<ContractColumn, String> present;
        try {
            present = PushWriter.columnsPresent(jdbc, connection, table);
        } catch (SQLException e) {
            String problem = connection.createTables()
                    ? null
                    : "cannot be read (" + opener.describe(connection, e)
                            + "); it may not exist or the role may lack SELECT";
            return new ConnectionCheck.Table(table, problem, List.of(), List.of(dialect.createTable(table)));
        }
        List<ContractColumn> missing = Arrays.stream(ContractColumn.values())
                .filter(column -> column.required() && !present.containsKey(column))
                .toList();
        List<String> fix =
                missing.stream().map(column -> dialect.addColumn(table, column)).toList();
        return new ConnectionCheck.Table(table, null, missing, fix);
    }
}
