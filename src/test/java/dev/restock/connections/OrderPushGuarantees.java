package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.restock.connections.FaultyOpener.Effect;
import dev.restock.orders.OrderHistory;
import dev.restock.orders.SaveState;
import dev.restock.orders.StockOrder;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The push guarantees, run against each kind of connection by a subclass: after a push, the
 * table holds the whole order exactly once or none of it, whatever failed; a retry never
 * duplicates; values read back equal what Restock holds.
 */
abstract class OrderPushGuarantees extends PushTestBase {

    /** The statement that sends an order's rows: INSERT, or PostgreSQL's COPY. */
    private static final String ROWS_STATEMENT = "^(insert|copy)";

    @Test
    void savesTheWholeOrderOnceWithValuesThatReadBackEqual() throws SQLException {
        StockOrder order = orderWithTwoLines();

        PushResult result;
        TimeZone zone = TimeZone.getDefault();
        try {
            // A JVM away from UTC must not shift CREATED_DATE, which the contract keeps in UTC.
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            result = pusher().push(order.id(), CONNECTION, ANNA);
        } finally {
            TimeZone.setDefault(zone);
        }

        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.order().saveState()).isEqualTo(SaveState.SAVED);
        assertThat(result.order().status()).isEqualTo("OPEN");
        assertThat(result.order().savedTo()).isEqualTo(CONNECTION);
        assertThat(result.order().savedAt()).isNotNull();
        assertThat(rows(TABLE, order.id()))
                .containsExactly(
                        new TargetRows.Row(
                                order.id().toString(),
                                order.reference(),
                                "po",
                                "OPEN",
                                "MAIN",
                                "ACME",
                                "EUR",
                                LocalDateTime.ofInstant(order.createdAt(), ZoneOffset.UTC),
                                LocalDate.of(2026, 1, 31),
                                "1",
                                "SKU-Ä1",
                                "Tasse «Bleu» ☕ 茶",
                                "12.345678",
                                "3.5"),
                        new TargetRows.Row(
                                order.id().toString(),
                                order.reference(),
                                "po",
                                "OPEN",
                                "MAIN",
                                "ACME",
                                "EUR",
                                LocalDateTime.ofInstant(order.createdAt(), ZoneOffset.UTC),
                                LocalDate.of(2026, 1, 31),
                                "2",
                                "SKU-2",
                                "Plate",
                                "0.000001",
                                null));
        assertThat(history.of(order.id()))
                .extracting(OrderHistory.Change::field, OrderHistory.Change::newValue)
                .contains(tuple("save_state", "saved"), tuple("saved_to", CONNECTION), tuple("status", "OPEN"));
    }

    @Test
    void savesNothingAndStaysEditableWhenTheDeleteBeforeTheInsertFails() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^delete", Effect.FAIL);

        assertPushFailsSettled(order);

        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void savesNothingWhenTheInsertBatchFails() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail(ROWS_STATEMENT, Effect.FAIL);

        assertPushFailsSettled(order);

        assertThat(orders.get(order.id()).lastError())
                .contains("failed while writing to " + TABLE + ": SQLTransientConnectionException: Injected")
                .contains("Restock removed any rows it wrote; the order stays editable")
                .doesNotContain("does not exist yet", "connections test");
        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void aConnectionThatCannotBeOpenedIsReportedAsSuchWithoutTheTableHint() {
        StockOrder order = orderWithTwoLines();
        opener.refuseToConnect();

        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA))
                .isInstanceOf(PushFailedException.class)
                .hasMessage("Saving " + order.reference() + " to '" + CONNECTION + "' failed while connecting:"
                        + " SQLTransientConnectionException: Injected refusal to connect. Nothing was written; the"
                        + " order stays editable and can be saved again. Run `restock connections test " + CONNECTION
                        + "` to check that it can be opened.");

        // Nothing reached the table, so there was nothing to undo: no second connection.
        assertThat(opener.opens()).isEqualTo(1);
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVE_FAILED);
    }

    @Test
    void aSecretThatCannotBeReadIsReportedAsAFailureToConnectInRestocksOwnWords() {
        Connection base = connection(TABLE);
        connections.save(new Connection(
                base.name(),
                base.kind(),
                base.jdbcUrl(),
                base.user(),
                SecretReference.environment("RESTOCK_TEST_UNSET_PUSH_SECRET"),
                base.properties(),
                base.tables(),
                base.createTables()));
        StockOrder order = orderWithTwoLines();

        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA))
                .isInstanceOf(PushFailedException.class)
                .hasMessageStartingWith("Saving " + order.reference() + " to '" + CONNECTION + "' failed while"
                        + " connecting: Connection '" + CONNECTION + "' reads its password from environment variable"
                        + " RESTOCK_TEST_UNSET_PUSH_SECRET, which is not set. Nothing was written;")
                .hasMessageContaining("Run `restock connections test " + CONNECTION + "`")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining(TABLE);
    }

    @Test
    void savesNothingWhenTheDatabaseRejectsARowInTheMiddleOfTheBatch() throws SQLException {
        String table = "CHECKED_ORDERS";
        pointAt(table);
        String ddl = dialect().createTable(table);
        execute(ddl.substring(0, ddl.lastIndexOf(')')) + ", check (" + dialect().quote("SKU") + " <> 'SKU-2'))");
        StockOrder order = orderWithTwoLines();

        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA))
                .isInstanceOf(PushFailedException.class)
                .hasMessageContaining("the order stays editable");

        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVE_FAILED);
        assertThat(count(table, order.id())).isZero();
    }

    @Test
    void savesNothingWhenTheInsertBatchRanButItsAnswerWasLost() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail(ROWS_STATEMENT, Effect.LOSE_ANSWER);

        assertPushFailsSettled(order);

        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void savesNothingWhenTheCommitFails() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^commit$", Effect.FAIL);

        assertPushFailsSettled(order);

        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void removesTheRowsWhenTheCommitRanButItsAnswerWasLost() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^commit$", Effect.LOSE_ANSWER);

        assertPushFailsSettled(order);

        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void removesCommittedRowsWhenTheCountCannotBeRead() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^select count", Effect.FAIL);

        assertPushFailsSettled(order);

        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void recoveryMarksSavedAnOrderWhosePushDiedAfterTheCommit() throws SQLException {
        StockOrder order = orderWithTwoLines();
        OrderPusher dying = pusher(attempt -> {
            throw new IllegalStateException("process killed");
        });
        assertThatThrownBy(() -> dying.push(order.id(), CONNECTION, ANNA)).hasMessage("process killed");
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVING);

        PushRecovery.Outcome outcome = recovery().recoverInterruptedPushes();

        assertThat(outcome).isEqualTo(new PushRecovery.Outcome(1, 0, 0));
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVED);
        assertThat(orders.get(order.id()).status()).isEqualTo("OPEN");
        assertThat(count(TABLE, order.id())).isEqualTo(2);
    }

    @Test
    void recoveryRemovesThePartOfAnOrderThatADeadPushLeft() throws SQLException {
        StockOrder order = orderWithTwoLines();
        saves.begin(order.id(), CONNECTION, ANNA);
        insertStrayRow(TABLE, order.id());

        PushRecovery.Outcome outcome = recovery().recoverInterruptedPushes();

        assertThat(outcome).isEqualTo(new PushRecovery.Outcome(0, 1, 0));
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVE_FAILED);
        assertThat(orders.get(order.id()).lastError()).contains("left 1 of 2 rows");
        assertThat(count(TABLE, order.id())).isZero();
    }

    @Test
    void keepsTheOrderSavingWhenTheCompensationFailsUntilRecoveryUndoesIt() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^commit$", Effect.LOSE_ANSWER).fail("^delete", 1, Effect.FAIL);

        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA))
                .isInstanceOf(PushFailedException.class)
                .hasMessageContaining("stays read-only until push recovery");
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVING);
        assertThat(count(TABLE, order.id())).isEqualTo(2);

        PushRecovery.Outcome outcome = recovery().recoverInterruptedPushes();

        // The table held the whole order: the commit had gone through, so the save stands.
        assertThat(outcome).isEqualTo(new PushRecovery.Outcome(1, 0, 0));
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVED);
        assertThat(count(TABLE, order.id())).isEqualTo(2);
    }

    @Test
    void aRetryAfterAFailureWritesTheOrderExactlyOnce() throws SQLException {
        StockOrder order = orderWithTwoLines();
        opener.fail("^commit$", Effect.LOSE_ANSWER);
        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA)).isInstanceOf(PushFailedException.class);

        pusher().push(order.id(), CONNECTION, ANNA);
        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA)).hasMessageContaining("read-only");

        assertThat(count(TABLE, order.id())).isEqualTo(2);
        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVED);
    }

    @Test
    void writesToALowerCaseTableWithAColumnNamedLikeAReservedWordAndLeavesThatColumnAlone() throws SQLException {
        assertWritesToATableNamedExactly("purchase_orders_uk");
    }

    @Test
    void writesToAMixedCaseTableWithAColumnNamedLikeAReservedWordAndLeavesThatColumnAlone() throws SQLException {
        assertWritesToATableNamedExactly("Purchase_Orders_Eu");
    }

    /**
     * The table is made and read here with its name quoted by the test itself, so a dialect that
     * changed the name's case would miss it (on PostgreSQL, where a quoted name's case counts),
     * and every statement Restock sends must name it exactly as configured (what Snowflake, whose
     * quoted names are case-sensitive too, would need; DuckDB under the fake ignores case). The
     * extra column {@code "ORDER"} is a reserved word in every dialect: Restock must leave it to
     * its default.
     */
    private void assertWritesToATableNamedExactly(String table) throws SQLException {
        pointAt(table);
        String columns = java.util.Arrays.stream(ContractColumn.values())
                .map(column -> "\"" + column.name() + "\" " + dialect().typeName(column.type()))
                .collect(java.util.stream.Collectors.joining(", "));
        execute("create table " + TargetRows.quoted(table) + " (" + columns + ", \"ORDER\" "
                + dialect().typeName(ContractColumn.Type.TEXT) + " default 'left alone')");
        StockOrder order = orderWithTwoLines();

        pusher().push(order.id(), CONNECTION, ANNA);

        assertThat(rows(table, order.id()))
                .extracting(TargetRows.Row::lineItemId, TargetRows.Row::sku, TargetRows.Row::replenishment)
                .containsExactly(tuple("1", "SKU-Ä1", "12.345678"), tuple("2", "SKU-2", "0.000001"));
        assertThat(columnValues(table, "ORDER", order.id())).containsExactly("left alone", "left alone");
        assertThat(opener.statements())
                .filteredOn(statement -> statement.matches("(?is)^\\s*(delete|insert|copy|select).*"))
                .isNotEmpty()
                .allSatisfy(statement -> assertThat(statement).contains("\"" + table + "\""));
    }

    @Test
    void refusesATableWithoutARequiredColumnNamingItAndStaysEditable() throws SQLException {
        String table = "NARROW_ORDERS";
        pointAt(table);
        execute("create table " + dialect().quoteTable(table) + " (" + dialect().quote("ID") + " "
                + dialect().typeName(ContractColumn.Type.TEXT) + ")");
        StockOrder order = orderWithTwoLines();

        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA))
                .isInstanceOf(PushFailedException.class)
                .hasMessageStartingWith("Saving " + order.reference() + " to '" + CONNECTION + "' failed while"
                        + " checking the columns of " + table + ": Table " + table + " of connection '" + CONNECTION
                        + "' lacks the column(s) REFERENCE")
                .hasMessageContaining("add column \"RECEIVED\"")
                .hasMessageEndingWith(". Nothing was written; the order stays editable and can be saved again.")
                .hasMessageNotContaining("ConnectionException")
                .hasMessageNotContaining("removed any rows")
                .hasMessageNotContaining("does not exist yet");
        assertThat(opener.statements()).noneMatch(statement -> statement.matches("(?is)^\\s*(delete|insert|copy).*"));

        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVE_FAILED);
    }

    @Test
    void aMissingTableIsRefusedWithTheCommandThatCreatesItAndTheOrderStaysEditable() {
        pointAt("NO_SUCH_ORDERS");
        StockOrder order = orderWithTwoLines();

        assertThatThrownBy(() -> pusher().push(order.id(), CONNECTION, ANNA))
                .isInstanceOf(PushFailedException.class)
                .hasMessageStartingWith("Saving " + order.reference() + " to '" + CONNECTION + "' failed while"
                        + " reading the columns of NO_SUCH_ORDERS: ")
                .hasMessageContaining("Nothing was written; the order stays editable")
                .hasMessageContaining("If table NO_SUCH_ORDERS does not exist yet, create it with `restock connections"
                        + " ddl " + CONNECTION + " --apply`");

        assertThat(orders.get(order.id()).saveState()).isEqualTo(SaveState.SAVE_FAILED);
    }
}
