package dev.restock.wmsbridge;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Plays Restock's side of the connection table in tests: creates it with the contract's columns
 * and inserts whole orders, each in one transaction, as Restock's push does.
 */
final class OrderTableFixture {

    static final String TABLE = "PURCHASE_ORDERS";

    private static final String COLUMNS = """
            "ID" varchar, "REFERENCE" varchar, "TYPE" varchar, "STATUS" varchar, "WAREHOUSE" varchar,
            "VENDOR" varchar, "SOURCE_WAREHOUSE" varchar, "CURRENCY" varchar(3), "CREATED_DATE" timestamp,
            "EXPECTED_DATE" date, "LINE_ITEM_ID" varchar, "VARIANT_ID" varchar, "SKU" varchar,
            "BARCODE" varchar, "TITLE" varchar, "REPLENISHMENT" decimal(38, 6), "RECEIVED" decimal(38, 6),
            "RECEIVED_DATE" date, "COST_PRICE" decimal(38, 6), "REMOVED" boolean, "UPDATED_AT" timestamp,
            "EXTERNAL_ID" varchar""";

    record Row(
            String orderId,
            String lineItemId,
            String sku,
            BigDecimal quantity,
            String externalId,
            BigDecimal received) {}

    private final String jdbcUrl;
    private final Properties credentials;

    OrderTableFixture(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.credentials = new Properties();
        if (user != null) {
            credentials.put("user", user);
            credentials.put("password", password);
        }
    }

    /** Drops and creates the table, so each test starts empty. */
    void recreate() throws SQLException {
        try (Connection connection = open();
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists \"" + TABLE + "\"");
            statement.execute("create table \"" + TABLE + "\" (" + COLUMNS + ")");
        }
    }

    /** Inserts an order of {@code lines} lines (quantities 1, 2, ...) in one transaction. */
    void insertOrder(String orderId, String reference, int lines) throws SQLException {
        String sql = "insert into \"" + TABLE + "\" (\"ID\", \"REFERENCE\", \"TYPE\", \"STATUS\", \"WAREHOUSE\","
                + " \"VENDOR\", \"CURRENCY\", \"CREATED_DATE\", \"LINE_ITEM_ID\", \"SKU\", \"TITLE\","
                + " \"REPLENISHMENT\", \"RECEIVED\", \"COST_PRICE\", \"REMOVED\", \"UPDATED_AT\")"
                + " values (?, ?, 'po', 'OPEN', 'London', 'Acme', 'GBP', ?, ?, ?, ?, ?, 0, 1.25, false, ?)";
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection connection = open()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int line = 1; line <= lines; line++) {
                    statement.setString(1, orderId);
                    statement.setString(2, reference);
                    statement.setObject(3, now);
                    statement.setString(4, String.valueOf(line));
                    statement.setString(5, "SKU-" + line);
                    statement.setString(6, "Item " + line);
                    statement.setBigDecimal(7, BigDecimal.valueOf(line));
                    statement.setObject(8, now);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            connection.commit();
        }
    }

    List<Row> rows() throws SQLException {
        String sql =
                "select \"ID\", \"LINE_ITEM_ID\", \"SKU\", \"REPLENISHMENT\", \"EXTERNAL_ID\", \"RECEIVED\" from \""
                        + TABLE + "\" order by \"ID\", \"LINE_ITEM_ID\"";
        try (Connection connection = open();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getString(5),
                        rs.getBigDecimal(6)));
            }
            return rows;
        }
    }

    /** Opens a connection, retrying while another thread closes the shared DuckDB instance. */
    private Connection open() throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return DriverManager.getConnection(jdbcUrl, credentials);
            } catch (SQLException e) {
                if (attempt == 50 || !String.valueOf(e.getMessage()).contains("Unique file handle conflict")) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
