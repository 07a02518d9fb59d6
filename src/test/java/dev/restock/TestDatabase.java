package dev.restock;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Helpers for tests that share one database. */
public final class TestDatabase {

    private TestDatabase() {}

    /** Tables whose rows a migration seeds as reference data; tests expect them present. */
    private static final List<String> SEEDED_TABLES = List.of("order_statuses");

    /** Empties every table Flyway created, keeping the schema and the seeded reference data. */
    public static void truncateAll(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("""
                select quote_ident(tablename) from pg_tables
                where schemaname = current_schema() and tablename <> 'flyway_schema_history'
                and tablename <> all(?)
                """)
                .param(SEEDED_TABLES.toArray(String[]::new))
                .query(String.class)
                .list();
        if (!tables.isEmpty()) {
            jdbc.sql("truncate " + String.join(", ", tables) + " restart identity cascade")
                    .update();
        }
    }

    /**
     * What every table holds, as its row count and a digest of its rows (each row as text, in
     * order), to check that an operation changed nothing: not only no row added or removed, but
     * none updated in place either. Tables named in {@code except} are left out.
     */
    public static java.util.Map<String, String> contents(JdbcClient jdbc, String... except) {
        List<String> tables = jdbc.sql("""
                select tablename from pg_tables
                where schemaname = current_schema() and tablename <> 'flyway_schema_history'
                and tablename <> all(?)
                order by tablename
                """).param(except).query(String.class).list();
        var contents = new java.util.TreeMap<String, String>();
        for (String table : tables) {
            contents.put(
                    table,
                    jdbc.sql("select count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, chr(10)"
                                    + " order by t::text), '')) from " + table + " t")
                            .query(String.class)
                            .single());
        }
        return contents;
    }

    /** Row counts of every table, to check that a failed operation changed nothing. */
    public static java.util.Map<String, Long> rowCounts(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("""
                select tablename from pg_tables
                where schemaname = current_schema() and tablename <> 'flyway_schema_history'
                order by tablename
                """).query(String.class).list();
        var counts = new java.util.TreeMap<String, Long>();
        for (String table : tables) {
            counts.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }
}
