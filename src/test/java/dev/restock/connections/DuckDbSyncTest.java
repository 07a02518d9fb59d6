package dev.restock.connections;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** The sync guarantees against a DuckDB file, the kind of the default local connection. */
class DuckDbSyncTest extends OrderSyncGuarantees {

    @TempDir
    Path folder;

    @Override
    Connection connection(String table) {
        return new Connection(
                CONNECTION, ConnectionKind.DUCKDB, url(), null, null, null, purchaseOrdersIn(table), false);
    }

    @Override
    java.sql.Connection inspect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Override
    void resetTarget() {
        // A new temporary folder per test: the database file starts empty.
    }

    private String url() {
        return "jdbc:duckdb:" + folder.resolve("customer.duckdb");
    }
}
