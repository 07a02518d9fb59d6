package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.connections.snowflake.FakeSnowflake;
import dev.restock.connections.snowflake.FakeSnowflake.ReceivedStatement;
import dev.restock.orders.NewStockOrder;
import dev.restock.orders.SaveState;
import dev.restock.orders.StockOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push guarantees through the real Snowflake driver, against the fake Snowflake server. */
class SnowflakePushTest extends OrderPushGuarantees {

    final FakeSnowflake snowflake = FakeSnowflake.start();

    @TempDir
    Path folder;

    @AfterEach
    void stopFake() {
        snowflake.close();
    }

    @Test
    void sendsTheInsertAsOneArrayBindWithTimestampsAsUtcText() {
        StockOrder order = orderWithTwoLines();
        snowflake.clearLogs();

        pusher().push(order.id(), CONNECTION, ANNA);

        List<ReceivedStatement> inserts = executed().stream()
                .filter(statement -> statement.sql().startsWith("insert"))
                .toList();
        assertThat(inserts).singleElement().extracting(ReceivedStatement::rows).isEqualTo(2);
        int createdDate = ContractColumn.CREATED_DATE.ordinal();
        assertThat(inserts.getFirst().binds().get(createdDate).type()).isEqualTo("TEXT");
    }

    @Test
    void savesNothingWhenSnowflakeRejectsTheInsert() throws SQLException {
        StockOrder order = orderWithTwoLines();
        snowflake.failStatementMatching("^insert");

        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA))
                .isInstanceOf(PushFailedException.class)
                .hasMessageContaining("error " + FakeSnowflake.injectedErrorCode());

        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVE_FAILED);
        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void savesNothingWhenSnowflakeFailsTheCountCheck() throws SQLException {
        StockOrder order = orderWithTwoLines();
        snowflake.failStatementMatching("^select count");

        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA)).isInstanceOf(PushFailedException.class);

        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVE_FAILED);
        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void savesNothingWhenTheNetworkDropsOnTheCommit() throws SQLException {
        StockOrder first = orderWithTwoLines();
        snowflake.clearLogs();
        pusher().push(first.id(), CONNECTION, ANNA);
        List<String> statements =
                executed().stream().map(ReceivedStatement::sql).toList();
        StockOrder second = orders.create(NewStockOrder.purchase(warehouse, vendor, "EUR"), ANNA);
        orders.addLine(second.id(), orders.lines(first.id()).getFirst().variantId(), BigDecimal.ONE, null, ANNA);
        // The second push runs the same statements as the first: drop the one that commits.
        snowflake.dropConnectionOnStatement(statements.indexOf("commit") + 1);

        assertThatThrownBy(() -> pusher().push(second.id(), CONNECTION, ANNA)).isInstanceOf(PushFailedException.class);

        // The driver re-sent the dropped commit before giving up: the drop hit the commit.
        assertThat(snowflake.statements())
                .filteredOn(statement -> statement.sql().equals("commit"))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(orders.get(second.id()).saveState()).isEqualTo(SaveState.SAVE_FAILED);
        assertThat(count(TABLE, second.id())).isZero();
        assertThat(count(TABLE, first.id())).isEqualTo(2);
    }

    @Test
    void anExpiredSessionTokenMidPushStillInsertsTheOrderOnce() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.before("^insert", snowflake::expireSessionToken);
        snowflake.clearLogs();

        pusher().push(order.id(), CONNECTION, ANNA);

        // The driver renewed the token and re-sent the insert with the same request id.
        assertThat(snowflake.requestPaths()).contains("/session/token-request");
        assertThat(count(TABLE, order.id())).isEqualTo(2);
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVED);
    }

    /** Statements the fake executed, each once: no describe requests, no retries. */
    private List<ReceivedStatement> executed() {
        Set<String> seen = new HashSet<>();
        return snowflake.statements().stream()
                .filter(statement -> !statement.describeOnly() && seen.add(statement.requestId()))
                .toList();
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
