package dev.restock.ingest.retail;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * One column of many rows as a PostgreSQL array parameter, so that a whole table is written by
 * one {@code insert ... select from unnest(...)} statement instead of a round trip per row.
 */
final class SqlArrays {

    private SqlArrays() {}

    static <T> SqlArrayValue text(List<T> rows, Function<T, String> column) {
        return new SqlArrayValue("text", rows.stream().map(column).toArray());
    }

    static <T> SqlArrayValue decimals(List<T> rows, Function<T, BigDecimal> column) {
        return new SqlArrayValue("numeric", rows.stream().map(column).toArray());
    }

    static <T> SqlArrayValue integers(List<T> rows, Function<T, Integer> column) {
        return new SqlArrayValue("int4", rows.stream().map(column).toArray());
    }
}
