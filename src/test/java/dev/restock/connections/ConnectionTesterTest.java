package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.DatabaseTest;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class ConnectionTesterTest extends DatabaseTest {

    @Autowired
    Connections connections;

    @Autowired
    ConnectionTester tester;

    @TempDir
    Path folder;

    @Test
    void reportsMissingTablesAndColumnsWithTheDdlThatFixesThem() throws SQLException {
        String url = "jdbc:duckdb:" + folder.resolve("warehouse.duckdb");
        SqlDialect dialect = ConnectionKind.DUCKDB.dialect();
        try (java.sql.Connection duckdb = DriverManager.getConnection(url);
                Statement statement = duckdb.createStatement()) {
            statement.execute(dialect.createTable("PURCHASE_ORDERS"));
            statement.execute(dialect.createTable("TRANSFER_ORDERS"));
            statement.execute("alter table \"TRANSFER_ORDERS\" drop column \"REMOVED\"");
            statement.execute("alter table \"TRANSFER_ORDERS\" drop column \"EXTERNAL_ID\"");
        }
        connections.save(new Connection("wh", ConnectionKind.DUCKDB, url, null, null, null, null, false));

        ConnectionCheck check = tester.test("wh");

        assertThat(check.ok()).isFalse();
        assertThat(check.tables())
                .extracting(ConnectionCheck.Table::name, ConnectionCheck.Table::ok)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("ASSEMBLY_ORDERS", false),
                        org.assertj.core.api.Assertions.tuple("PURCHASE_ORDERS", true),
                        org.assertj.core.api.Assertions.tuple("TRANSFER_ORDERS", false));
        assertThat(check.tables().get(0).problem()).contains("cannot be read");
        assertThat(check.tables().get(0).fix()).singleElement().asString().startsWith("create table");
        assertThat(check.tables().get(2).missing()).containsExactly(ContractColumn.REMOVED);
        assertThat(check.tables().get(2).fix())
                .isEqualTo(List.of("alter table \"TRANSFER_ORDERS\" add column \"REMOVED\" BOOLEAN"));
    }

    @Test
    void theLocalConnectionIsFineBeforeItsTablesExist() {
        ConnectionCheck check = tester.test("local");

        assertThat(check.ok()).isTrue();
        assertThat(check.tables()).hasSize(3);
    }

    @Test
    void saysWhichConnectionCouldNotBeOpened() {
        connections.save(new Connection(
                "down", ConnectionKind.POSTGRESQL, "jdbc:postgresql://127.0.0.1:1/x", "u", null, null, null, false));

        assertThatThrownBy(() -> tester.test("down"))
                .isInstanceOf(ConnectionException.class)
                .hasMessageStartingWith("Could not open connection 'down'");
    }

    @Test
    void aDriverMessageEndingInAPeriodIsFollowedByOnePeriodOnly() {
        connections.save(new Connection(
                "down", ConnectionKind.POSTGRESQL, "jdbc:postgresql://127.0.0.1:1/x", "u", null, null, null, false));

        // PostgreSQL's driver ends "Connection to 127.0.0.1:1 refused. ... TCP/IP connections."
        assertThatThrownBy(() -> tester.test("down"))
                .hasMessageContaining("accepting TCP/IP connections. Check its URL")
                .hasMessageNotContaining("..");
    }
}
