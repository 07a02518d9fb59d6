package dev.restock.connections;

import java.sql.DriverManager;

/**
 * Another process holding a DuckDB file, as a notebook or the WMS bridge would: it opens the file,
 * says {@code held}, and lets it go when its standard input closes.
 */
public final class DuckDbFileHolder {

    private DuckDbFileHolder() {}

    public static void main(String[] args) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            connection.createStatement().execute("create table if not exists held (value int)");
            System.out.println("held");
            System.out.flush();
            while (System.in.read() != -1) {
                // Only the end of the input matters.
            }
        }
    }
}
