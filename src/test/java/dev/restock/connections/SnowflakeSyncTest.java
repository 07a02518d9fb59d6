package dev.restock.connections;

import dev.restock.connections.snowflake.FakeSnowflake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The sync guarantees through the real Snowflake driver, against the fake Snowflake server. */
class SnowflakeSyncTest extends OrderSyncGuarantees {

    final FakeSnowflake snowflake = FakeSnowflake.start();

    @TempDir
    Path folder;

    @AfterEach
    void stopFake() {
        snowflake.close();
    }

    @Override
    Connection connection(String table) {
        Map<String, String> properties = new HashMap<>();
        snowflake.connectionProperties().forEach((key, value) -> properties.put((String) key, (String) value));
        properties.remove("user");
        properties.remove("password");
        return new Connection(
                CONNECTION,
                ConnectionKind.SNOWFLAKE,
                snowflake.jdbcUrl(),
                FakeSnowflake.USER,
                SecretReference.file(passwordFile()),
                properties,
                purchaseOrdersIn(table),
                false);
    }

    @Override
    java.sql.Connection inspect() throws SQLException {
        return ((DuckDBConnection) snowflake.duckdb()).duplicate();
    }

    @Override
    void resetTarget() {
        // A new fake with an in-memory database per test.
    }

    private Path passwordFile() {
        Path file = folder.resolve("snowflake-password");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, FakeSnowflake.PASSWORD + "\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }
}
