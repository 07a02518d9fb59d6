package dev.restock.wmsbridge;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Run in a separate JVM by {@link DuckDbLockTest}: plays Restock holding the DuckDB file open.
 * Opens the file given as the argument, prints {@code locked}, and closes it when a line arrives
 * on standard input.
 */
public final class DuckDbFileHolder {

    private DuckDbFileHolder() {}

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            connection.createStatement().execute("select 1");
            System.out.println("locked");
            System.out.flush();
            System.in.read();
        }
        System.out.println("released");
    }
}
