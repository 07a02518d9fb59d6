package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.DatabaseTest;
import dev.restock.orders.Actor;
import dev.restock.orders.NewStockOrder;
import dev.restock.orders.OrderFixtures;
import dev.restock.orders.OrderSaves;
import dev.restock.orders.OrderType;
import dev.restock.orders.SaveState;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrders;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class ConnectionsTest extends DatabaseTest {

    @Autowired
    Connections connections;

    @Autowired
    OrderPusher pusher;

    @Autowired
    StockOrders orders;

    @Autowired
    ConnectionOpener opener;

    @Autowired
    OrderSaves saves;

    @Autowired
    PushRecovery recovery;

    @TempDir
    Path folder;

    @Test
    void theLocalConnectionIsADuckDbFileInTheRestockHome() {
        Connection local = connections.get("local");

        assertThat(local.kind()).isEqualTo(ConnectionKind.DUCKDB);
        assertThat(local.jdbcUrl()).isEqualTo("jdbc:duckdb:" + TEST_HOME.resolve("local.duckdb"));
        assertThat(local.tableFor(OrderType.TRANSFER)).isEqualTo("TRANSFER_ORDERS");
        assertThat(local.createTables()).isTrue();
        assertThat(connections.names()).containsExactly("local");
    }

    @Test
    void storesSettingsWithTheNameOfTheSecretButNeverTheSecret() throws IOException {
        Path passwordFile = Files.writeString(folder.resolve("password"), "s3cret-value\n");
        Connection prod = new Connection(
                "prod",
                ConnectionKind.SNOWFLAKE,
                "jdbc:snowflake://acme.snowflakecomputing.com/",
                "RESTOCK",
                SecretReference.file(passwordFile),
                Map.of("warehouse", "WH"),
                Map.of(OrderType.PO, "orders"),
                false);

        connections.save(prod);

        assertThat(connections.get("prod")).isEqualTo(prod);
        String stored = jdbc.sql("select settings::text from connections where name = 'prod'")
                .query(String.class)
                .single();
        assertThat(stored).contains(passwordFile.toString()).doesNotContain("s3cret-value");
        assertThat(prod.toString()).doesNotContain("s3cret-value");
        assertThat(opener.describe(prod, new SQLException("login failed for s3cret-value")))
                .doesNotContain("s3cret-value")
                .contains("****");
    }

    @Test
    void describesADriverErrorWithoutItsFinalPeriodSoTheCallerEndsTheSentence() {
        Connection local = connections.get(Connections.LOCAL);

        String described = opener.describe(local, new SQLException("Connection refused.  ", "08001", 17));

        assertThat(described).isEqualTo("SQLException: Connection refused (error 17, SQL state 08001)");
    }

    @Test
    void describesRestocksOwnErrorWithoutItsTypeAndADriversWithIt() {
        Connection local = connections.get(Connections.LOCAL);

        String own = opener.describe(local, new ConnectionException("Table T lacks the column(s) ID."));
        String driver = opener.describe(local, new SQLException("No suitable driver found for jdbc:nosuch:/tmp/x"));

        assertThat(own).isEqualTo("Table T lacks the column(s) ID");
        assertThat(driver).isEqualTo("SQLException: No suitable driver found for jdbc:nosuch:/tmp/x");
    }

    @Test
    void namesTheMissingEnvironmentVariableWithoutAnySecret() {
        Connection prod = new Connection(
                "prod",
                ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:1/x",
                "u",
                SecretReference.environment("RESTOCK_TEST_UNSET_PASSWORD"),
                null,
                null,
                false);

        assertThatThrownBy(() -> opener.open(prod))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("environment variable RESTOCK_TEST_UNSET_PASSWORD, which is not set");
    }

    @Test
    void refusesToStoreAJdbcUrlThatCarriesAPassword() {
        Connection prod = new Connection(
                "prod",
                ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://db/x?user=u&password=hunter2",
                null,
                null,
                null,
                null,
                false);

        assertThatThrownBy(() -> connections.save(prod))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("the parameter 'password', which holds a secret")
                .message()
                .doesNotContain("hunter2");
        assertThat(connections.names()).containsExactly("local");
    }

    @Test
    void refusesToStoreADriverPropertyThatLooksLikeASecret() {
        Connection prod = new Connection(
                "prod",
                ConnectionKind.SNOWFLAKE,
                "jdbc:snowflake://a/",
                "u",
                null,
                Map.of("private_key_file_pwd", "hunter2"),
                null,
                false);

        assertThatThrownBy(() -> connections.save(prod))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("'private_key_file_pwd'")
                .message()
                .doesNotContain("hunter2");
        assertThat(connections.names()).containsExactly("local");
    }

    @Test
    void aConnectionStoredWithASecretInItsUrlStillLoadsAndNeverShowsIt() {
        jdbc.sql("insert into connections (name, kind, settings) values ('old', 'postgresql', cast(? as jsonb))")
                .param("{\"jdbcUrl\": \"jdbc:postgresql://writer:S3cret-pw@127.0.0.1:1/erp?sslpassword=Hunter22\"}")
                .update();

        Connection old = connections.get("old");
        String described = opener.describe(old, new SQLException("No suitable driver found for " + old.jdbcUrl()));
        String echoed = opener.describe(old, new SQLException("bad value Hunter22 for sslpassword"));

        assertThat(old.toString()).doesNotContain("S3cret-pw", "Hunter22").contains("writer:***@");
        assertThat(described)
                .isEqualTo("SQLException: No suitable driver found for"
                        + " jdbc:postgresql://writer:***@127.0.0.1:1/erp?sslpassword=***");
        assertThat(echoed).doesNotContain("Hunter22");
    }

    @Test
    void recoveryLeavesAnOrderSavingWhenItsConnectionIsGone() {
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        StockOrder order = orders.create(
                NewStockOrder.purchase(fixtures.warehouse("MAIN"), fixtures.vendor("ACME"), "EUR"), Actor.user("anna"));
        orders.addLine(order.id(), fixtures.variant("SKU-1", "Mug", null), BigDecimal.ONE, null, Actor.user("anna"));
        saves.begin(order.id(), "gone", Actor.user("anna"));

        PushRecovery.Outcome outcome = recovery.recoverInterruptedPushes();

        assertThat(outcome).isEqualTo(new PushRecovery.Outcome(0, 0, 1));
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVING);
        assertThat(orders.get(order.id()).lastError()).contains("Connection 'gone' no longer exists");
    }

    @Test
    void refusesAnUnknownConnectionListingTheKnownOnes() {
        assertThatThrownBy(() -> connections.get("prod"))
                .hasMessage("There is no connection 'prod'. Known connections: local.");
    }

    @Test
    void savesToTheLocalConnectionCreatingItsTable() throws SQLException {
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        long transferId = fixtures.warehouse("EAST");
        StockOrder order = orders.create(
                new NewStockOrder(OrderType.TRANSFER, transferId, null, fixtures.warehouse("WEST"), null, null),
                Actor.user("anna"));
        orders.addLine(
                order.id(), fixtures.variant("SKU-1", "Mug", null), new BigDecimal("4"), null, Actor.user("anna"));

        PushResult result = pusher.push(order.id(), "local", Actor.user("anna"));

        assertThat(result.table()).isEqualTo("TRANSFER_ORDERS");
        assertThat(result.order().saveState()).isEqualTo(SaveState.SAVED);
        try (java.sql.Connection duckdb =
                        DriverManager.getConnection(connections.local().jdbcUrl());
                ResultSet rs = duckdb.createStatement()
                        .executeQuery(
                                "select \"SOURCE_WAREHOUSE\", \"WAREHOUSE\", \"TYPE\" from \"TRANSFER_ORDERS\"")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + ">" + rs.getString(2) + ":" + rs.getString(3))
                    .isEqualTo("WEST>EAST:transfer");
            assertThat(rs.next()).isFalse();
        }
    }
}
