package dev.restock.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqlDialectTest {

    @ParameterizedTest
    @EnumSource(ConnectionKind.class)
    void quotesEveryIdentifierDoublingEmbeddedQuotes(ConnectionKind kind) {
        SqlDialect dialect = kind.dialect();

        assertThat(dialect.quote("ORDER")).isEqualTo("\"ORDER\"");
        assertThat(dialect.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(dialect.quoteTable("SALES.purchase_orders")).isEqualTo("\"SALES\".\"purchase_orders\"");
    }

    @ParameterizedTest
    @EnumSource(ConnectionKind.class)
    void createsATableWithEveryContractColumn(ConnectionKind kind) {
        String ddl = kind.dialect().createTable("PURCHASE_ORDERS");

        for (ContractColumn column : ContractColumn.values()) {
            assertThat(ddl).contains("\"" + column.name() + "\" ");
        }
        assertThat(ddl).startsWith("create table if not exists \"PURCHASE_ORDERS\" (");
    }

    @Test
    void selectsOrdersWithTheirIdsAsLiterals() {
        java.util.UUID first = java.util.UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        java.util.UUID second = java.util.UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

        String sql = ConnectionKind.DUCKDB
                .dialect()
                .selectOrders("PURCHASE_ORDERS", List.of("ID", "SKU"), "ID", List.of(first, second));

        assertThat(ConnectionKind.DUCKDB.dialect().inlinesIds()).isTrue();
        assertThat(ConnectionKind.POSTGRESQL.dialect().inlinesIds()).isFalse();
        assertThat(sql)
                .isEqualTo("select \"ID\", \"SKU\" from \"PURCHASE_ORDERS\" where \"ID\" in"
                        + " ('0f8fad5b-d9cb-469f-a165-70867728950e', '7c9e6679-7425-40de-944b-e07fc1f90ae7')");
    }

    @Test
    void snowflakeTablesUseTheContractTypes() {
        String ddl = ConnectionKind.SNOWFLAKE.dialect().createTable("PURCHASE_ORDERS");

        assertThat(ddl)
                .contains("\"CREATED_DATE\" TIMESTAMP_NTZ")
                .contains("\"REPLENISHMENT\" NUMBER(38,6)")
                .contains("\"CURRENCY\" VARCHAR(3)")
                .contains("\"REMOVED\" BOOLEAN")
                .contains("\"ID\" VARCHAR not null");
    }

    @Test
    void snowflakeBindsTimestampsAndDatesAsUtcText() throws Exception {
        List<Object> bound = new ArrayList<>();
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    bound.add(method.getName() + " " + args[1]);
                    return null;
                });
        SqlDialect dialect = ConnectionKind.SNOWFLAKE.dialect();

        dialect.bindTimestamp(statement, 1, Instant.parse("2024-03-10T09:15:30.123456Z"));
        dialect.bindDate(statement, 2, LocalDate.of(2024, 4, 2));
        dialect.bindTimestamp(statement, 3, null);

        assertThat(bound)
                .containsExactly("setString 2024-03-10 09:15:30.123456", "setString 2024-04-02", "setString null");
    }
}
