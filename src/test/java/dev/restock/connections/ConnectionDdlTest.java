package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import dev.restock.DatabaseTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code connections ddl} and the privilege checks of {@code connections test}. */
class ConnectionDdlTest extends DatabaseTest {

    static final String ROLE = "restock_writer";

    @Autowired
    Connections connections;

    @Autowired
    ConnectionDdl ddl;

    @Autowired
    ConnectionTester tester;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path folder;

    @AfterEach
    void dropRole() {
        jdbc.sql("drop schema if exists customer cascade").update();
        jdbc.sql("drop role if exists " + ROLE).update();
    }

    @Test
    void printsOneQuotedCreateTablePerDistinctTableWithTheContractTypes() {
        connections.save(new Connection(
                "pg",
                ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:1/x",
                "u",
                null,
                null,
                java.util.Map.of(dev.restock.orders.OrderType.TRANSFER, "PURCHASE_ORDERS"),
                false));

        List<String> statements = ddl.statements("pg");

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("create table if not exists \"ASSEMBLY_ORDERS\" (");
        assertThat(statements.get(1))
                .startsWith("create table if not exists \"PURCHASE_ORDERS\" (")
                .contains("\"ID\" varchar not null", "\"REPLENISHMENT\" numeric(38, 6)")
                .contains("\"CREATED_DATE\" timestamp", "\"EXPECTED_DATE\" date", "\"EXTERNAL_ID\" varchar");
    }

    @Test
    void applyCreatesTheTablesOfADuckDbConnectionWhichThenPassesItsTest() throws SQLException {
        String url = "jdbc:duckdb:" + folder.resolve("warehouse.duckdb");
        connections.save(new Connection("wh", ConnectionKind.DUCKDB, url, null, null, null, null, false));
        assertThat(tester.test("wh").ok()).isFalse();

        List<String> ran = ddl.apply("wh");

        assertThat(ran).hasSize(3);
        ConnectionCheck check = tester.test("wh");
        assertThat(check.ok()).isTrue();
        // DuckDB has no privileges: what it allows says nothing about a role.
        assertThat(check.tables()).allSatisfy(table -> assertThat(table.notes()).isEmpty());
        try (java.sql.Connection duckdb = DriverManager.getConnection(url);
                Statement statement = duckdb.createStatement()) {
            statement.execute("insert into \"PURCHASE_ORDERS\" (\"ID\", \"LINE_ITEM_ID\", \"REPLENISHMENT\")"
                    + " values ('o', '1', 1.123456)");
            try (ResultSet rs = statement.executeQuery("select \"REPLENISHMENT\" from \"PURCHASE_ORDERS\"")) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("1.123456"));
            }
        }
        assertThat(ddl.apply("wh")).hasSize(3);
    }

    @Test
    void aPostgresRoleWithSelectInsertAndDeleteOnlyPassesWithoutNotes() {
        jdbc.sql("create schema customer").update();
        connections.save(postgres("admin", "postgres"));
        ddl.apply("admin");
        createRole("select, insert, delete");
        connections.save(postgres("writer", ROLE));

        ConnectionCheck check = tester.test("writer");

        assertThat(check.ok()).isTrue();
        assertThat(check.tables()).allSatisfy(table -> {
            assertThat(table.privilegesMissing()).isEmpty();
            assertThat(table.notes()).isEmpty();
        });
    }

    @Test
    void aPostgresRoleWithoutDeleteFailsAndAnUpdateGrantIsNoted() {
        jdbc.sql("create schema customer").update();
        connections.save(postgres("admin", "postgres"));
        ddl.apply("admin");
        createRole("select, insert, update");
        connections.save(postgres("writer", ROLE));

        ConnectionCheck check = tester.test("writer");

        assertThat(check.ok()).isFalse();
        assertThat(check.tables())
                .extracting(
                        ConnectionCheck.Table::name,
                        table -> table.privilegesMissing().size())
                .containsExactly(tuple("ASSEMBLY_ORDERS", 1), tuple("PURCHASE_ORDERS", 1), tuple("TRANSFER_ORDERS", 1));
        assertThat(check.tables().getFirst().privilegesMissing())
                .singleElement()
                .asString()
                .startsWith("DELETE (");
        assertThat(check.tables().getFirst().notes())
                .singleElement()
                .asString()
                .startsWith("the role may also UPDATE ASSEMBLY_ORDERS")
                .contains("can be revoked");
    }

    private void createRole(String privileges) {
        jdbc.sql("create role " + ROLE + " login").update();
        jdbc.sql("grant usage on schema customer to " + ROLE).update();
        jdbc.sql("grant " + privileges + " on all tables in schema customer to " + ROLE)
                .update();
    }

    private Connection postgres(String name, String user) {
        return new Connection(name, ConnectionKind.POSTGRESQL, url(), user, null, null, null, false);
    }

    private String url() {
        try {
            String restock = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
            return restock + (restock.contains("?") ? "&" : "?") + "currentSchema=customer";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
