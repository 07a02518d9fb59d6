package dev.restock.connections;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The sync guarantees against PostgreSQL: schema {@code customer} of the test server. */
class PostgresSyncTest extends OrderSyncGuarantees {

    @Autowired
    DataSource dataSource;

    @Override
    Connection connection(String table) {
        return new Connection(
                CONNECTION, ConnectionKind.POSTGRESQL, url(), "postgres", null, null, purchaseOrdersIn(table), false);
    }

    @Override
    java.sql.Connection inspect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", null);
    }

    @Override
    void resetTarget() {
        jdbc.sql("drop schema if exists customer cascade").update();
        jdbc.sql("create schema customer").update();
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
