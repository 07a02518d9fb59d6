package dev.restock.sales;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts for {@code catalog summary}; removed entities are not counted. */
@Component
public class CatalogSummaryQuery {

    private final JdbcClient jdbc;

    public CatalogSummaryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CatalogSummary summary() {
        return jdbc.sql("""
                select (select count(*) from variants where not removed) as variants,
                       (select count(*) from warehouses where not removed) as warehouses,
                       (select count(*) from vendors where not removed) as vendors,
                       (select count(*) from sales_lines where not removed) as sales_lines,
                       (select min(day) from trading_days) as first_sale,
                       (select max(day) from trading_days) as last_sale,
                       (select count(distinct day) from trading_days) as trading_days
                """)
                .query((row, number) -> {
                    LocalDate first = row.getObject("first_sale", LocalDate.class);
                    LocalDate last = row.getObject("last_sale", LocalDate.class);
                    long days = first == null ? 0 : ChronoUnit.DAYS.between(first, last) + 1;
                    return new CatalogSummary(
                            row.getLong("variants"),
                            row.getLong("warehouses"),
                            row.getLong("vendors"),
                            row.getLong("sales_lines"),
                            first,
                            last,
                            days,
                            row.getLong("trading_days"));
                })
                .single();
    }
}
