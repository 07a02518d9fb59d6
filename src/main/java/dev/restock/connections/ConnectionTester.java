package dev.restock.connections;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tests a connection before orders are saved to it: it can be opened, each of its tables has
 * every required column of the contract, and Restock's role may SELECT, INSERT and DELETE there
 * (and a note when it may UPDATE too, which it never needs; not for DuckDB, which has no roles).
 * Privileges are probed with statements that touch no row ({@code where 1 = 0}): the databases
 * check privileges before they look for rows. Creates and changes nothing.
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
                    + ". Check " + ConnectionOpener.whatToCheck(connection) + ".");
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
            return new ConnectionCheck.Table(
                    table, problem, List.of(), List.of(dialect.createTable(table)), List.of(), List.of());
        }
        List<ContractColumn> missing = Arrays.stream(ContractColumn.values())
                .filter(column -> column.required() && !present.containsKey(column))
                .toList();
        List<String> fix =
                missing.stream().map(column -> dialect.addColumn(table, column)).toList();
        List<String> privilegesMissing = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String id = present.get(ContractColumn.ID);
        if (id != null) {
            String quoted = dialect.quoteTable(table);
            String idColumn = dialect.quote(id);
            probe(
                            jdbc,
                            connection,
                            "INSERT",
                            "insert into " + quoted + " (" + idColumn + ") select 'restock-test'" + " where 1 = 0")
                    .ifPresent(privilegesMissing::add);
            probe(jdbc, connection, "DELETE", "delete from " + quoted + " where 1 = 0")
                    .ifPresent(privilegesMissing::add);
            if (dialect.hasPrivileges() && mayUpdate(jdbc, connection, quoted, idColumn)) {
                notes.add("the role may also UPDATE " + table + "; Restock needs only SELECT, INSERT and DELETE"
                        + " (it never changes a row), so that grant can be revoked if you like");
            }
        }
        return new ConnectionCheck.Table(table, null, missing, fix, privilegesMissing, notes);
    }

    /** Whether the role may UPDATE the table: harmless, but least privilege would drop the grant. */
    private boolean mayUpdate(java.sql.Connection jdbc, Connection connection, String quoted, String idColumn) {
        String sql = "update " + quoted + " set " + idColumn + " = " + idColumn + " where 1 = 0";
        return probe(jdbc, connection, "UPDATE", sql).isEmpty();
    }

    /** Runs a statement that touches no row; a failure means the privilege is missing. */
    private java.util.Optional<String> probe(
            java.sql.Connection jdbc, Connection connection, String privilege, String sql) {
        try (Statement statement = jdbc.createStatement()) {
            statement.execute(sql);
            return java.util.Optional.empty();
        } catch (SQLException e) {
            return java.util.Optional.of(privilege + " (" + opener.describe(connection, e) + ")");
        }
    }
}
