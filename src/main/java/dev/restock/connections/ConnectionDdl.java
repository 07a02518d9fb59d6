package dev.restock.connections;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The CREATE TABLE statements of a connection's tables in its dialect, with every column of the
 * contract, identifiers quoted. An administrator runs them (or {@link #apply}) once; Restock's own
 * role needs no DDL rights, except on the local DuckDB file, whose tables Restock creates itself.
 */
@Component
public class ConnectionDdl {

    private final Connections connections;
    private final ConnectionOpener opener;

    public ConnectionDdl(Connections connections, ConnectionOpener opener) {
        this.connections = connections;
        this.opener = opener;
    }

    /** One {@code create table if not exists} per distinct table of the connection, by name. */
    public List<String> statements(String name) {
        Connection connection = connections.get(name);
        return connection.tables().values().stream()
                .distinct()
                .sorted()
                .map(connection.dialect()::createTable)
                .toList();
    }

    /**
     * Runs the statements on the connection. Tables that exist are left as they are; run
     * {@code connections test} to see columns they lack.
     *
     * @return the statements run
     * @throws ConnectionException naming the statement that failed; earlier ones stay applied
     *     (DDL commits on its own in Snowflake)
     */
    public List<String> apply(String name) {
        Connection connection = connections.get(name);
        List<String> statements = statements(name);
        try (java.sql.Connection jdbc = opener.open(connection);
                Statement statement = jdbc.createStatement()) {
            for (String ddl : statements) {
                try {
                    statement.execute(ddl);
                } catch (SQLException e) {
                    throw new ConnectionException("Creating a table on connection '" + name + "' failed: "
                            + opener.describe(connection, e) + ". Statement: " + ddl.replace('\n', ' ')
                            + ". Tables created before stay; the role may lack CREATE TABLE: ask an"
                            + " administrator to run `restock connections ddl " + name + "`'s output.");
                }
            }
        } catch (SQLException e) {
            throw new ConnectionException("Could not open connection '" + name + "': " + opener.describe(connection, e)
                    + ". Nothing was created. Check " + ConnectionOpener.whatToCheck(connection) + ".");
        }
        return statements;
    }
}
