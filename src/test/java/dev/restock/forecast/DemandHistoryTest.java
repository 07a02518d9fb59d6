package dev.restock.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemandHistoryTest extends DatabaseTest {

    private static final LocalDate MONDAY = LocalDate.of(2011, 10, 3);

    @Autowired
    DemandHistory history;

    @BeforeEach
    void catalog() {
        jdbc.sql("insert into warehouses (code, name) values ('LDN', 'London'), ('INTL', 'International')")
                .update();
        jdbc.sql("insert into variants (sku, title) values ('A', 'Lantern'), ('B', 'Mug')")
                .update();
        jdbc.sql("insert into variants (sku, title, removed) values ('GONE', 'Removed', true)")
                .update();
    }

    @Test
    void buildsOneSeriesPerVariantAndWarehouseFromTheFirstSaleToTheLastTradingDay() {
        trading(1, 0, 1, 2, 3, 4, 7);
        trading(2, 0, 3, 7);
        demand(1, 1, 1, 0, 80); // a return before the first sale does not start the series
        demand(1, 1, 2, 5, 0);
        demand(1, 1, 4, 6, 2);
        demand(2, 1, 3, 1, 0);
        demand(1, 2, 7, 9, 0);
        demand(3, 1, 2, 50, 0);

        List<VariantSeries> all = history.loadAll();

        assertThat(all)
                .extracting(VariantSeries::sku, VariantSeries::warehouse)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", "LDN"),
                        org.assertj.core.groups.Tuple.tuple("A", "INTL"),
                        org.assertj.core.groups.Tuple.tuple("B", "LDN"));
        DemandSeries lanternLondon = all.getFirst().series();
        assertThat(lanternLondon.firstDay()).isEqualTo(MONDAY.plusDays(2));
        assertThat(lanternLondon.end()).isEqualTo(MONDAY.plusDays(8));
        assertThat(lanternLondon.length()).isEqualTo(6);
        assertThat(lanternLondon.demand(0)).isEqualTo(5);
        assertThat(lanternLondon.demand(2))
                .as("6 sold less 2 returned the same day")
                .isEqualTo(4);
        assertThat(lanternLondon.countedDays())
                .as("Wednesday to Friday and next Monday")
                .isEqualTo(4);
        assertThat(all.get(1).series().length()).isEqualTo(1);
    }

    @Test
    void noHistoryMeansNoSeries() {
        assertThat(history.loadAll()).isEmpty();
    }

    private void trading(long warehouse, int... days) {
        for (int day : days) {
            jdbc.sql("insert into trading_days (warehouse_id, day) values (?, ?)")
                    .params(warehouse, MONDAY.plusDays(day))
                    .update();
        }
    }

    private void demand(long variant, long warehouse, int day, double sold, double returned) {
        jdbc.sql("insert into daily_demand (variant_id, warehouse_id, day, sold, returned) values (?, ?, ?, ?, ?)")
                .params(variant, warehouse, MONDAY.plusDays(day), sold, returned)
                .update();
    }
}
