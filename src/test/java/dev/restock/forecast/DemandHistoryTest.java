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
    void theStoredSeriesOfOneCopyAreExactlyTheSeriesReadOneAtATime() {
        trading(1, 0, 1, 2, 3, 4, 7, 8, 9);
        trading(2, 0, 3, 7);
        demand(1, 1, 1, 0, 80);
        demand(1, 1, 2, 5, 0);
        demand(1, 1, 4, 6.125, 2.5); // net 3.625
        demand(1, 1, 8, 0.1, 0.3); // returns above the sale: no demand, not negative
        demand(2, 1, 3, 1, 0);
        demand(2, 1, 9, 7, 7); // a day that nets to nothing
        demand(1, 2, 7, 9.333333, 0);
        demand(2, 2, 0, 4, 4); // a series that never nets to anything
        demand(3, 1, 2, 50, 0); // a removed variant

        List<VariantSeries> streamed = history.loadAll();
        List<VariantSeries> stored = history.readAll(Long.MAX_VALUE).orElseThrow().stream()
                .map(StoredSeries::expand)
                .toList();

        assertThat(stored).hasSize(3).hasSameSizeAs(streamed);
        for (int index = 0; index < streamed.size(); index++) {
            VariantSeries expected = streamed.get(index);
            VariantSeries actual = stored.get(index);
            assertThat(actual.sku()).isEqualTo(expected.sku());
            assertThat(actual.warehouse()).isEqualTo(expected.warehouse());
            assertThat(actual.series().firstDay()).isEqualTo(expected.series().firstDay());
            assertThat(actual.series().length()).isEqualTo(expected.series().length());
            for (int day = 0; day < expected.series().length(); day++) {
                assertThat(actual.series().demand(day))
                        .isEqualTo(expected.series().demand(day));
                assertThat(actual.series().counted(day))
                        .isEqualTo(expected.series().counted(day));
            }
        }
        assertThat(stored.getFirst().series().demand(2)).isEqualTo(3.625);
    }

    @Test
    void rowsStoredOutOfOrderAndInterleavedGiveTheSeriesInDayOrder() {
        trading(1, 0, 1, 2, 3, 4, 5);
        demand(2, 1, 4, 2, 0);
        demand(1, 1, 5, 3, 0);
        demand(2, 1, 1, 7, 0);
        demand(1, 1, 2, 1.5, 0);
        demand(2, 1, 3, 4, 1);
        demand(1, 1, 3, 2, 0);

        List<StoredSeries> stored = history.readAll(Long.MAX_VALUE).orElseThrow();

        assertThat(stored).extracting(StoredSeries::sku).containsExactly("A", "B");
        assertThat(stored.get(0).firstDay()).isEqualTo(MONDAY.plusDays(2));
        assertThat(stored.get(0).days()).containsExactly((char) 0, (char) 1, (char) 3);
        assertThat(stored.get(0).demand()).containsExactly(1.5, 2, 3);
        assertThat(stored.get(1).firstDay()).isEqualTo(MONDAY.plusDays(1));
        assertThat(stored.get(1).days()).containsExactly((char) 0, (char) 2, (char) 3);
        assertThat(stored.get(1).demand()).containsExactly(7, 3, 2);
    }

    @Test
    void aSeriesLongerThanTheStoredFormIsNotKept() {
        trading(1, 0, StoredSeries.MAX_LENGTH);
        demand(1, 1, 0, 5, 0);

        assertThat(history.readAll(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void storedSeriesOverTheMemoryBudgetAreNotKept() {
        trading(1, 0, 1, 2);
        demand(1, 1, 1, 5, 0);

        assertThat(history.readAll(0)).isEmpty();
        assertThat(history.readAll(1_000))
                .hasValueSatisfying(all -> assertThat(all).hasSize(1));
    }

    @Test
    void readsTheSameSeriesAfterTheDriverPreparesTheStatementOnTheServer() {
        // From the fifth execution on, the driver prepares statements on the server; the COPY must not care.
        trading(1, 0, 1, 2);
        demand(1, 1, 1, 5, 0);

        for (int read = 0; read < 8; read++) {
            assertThat(history.readAll(Long.MAX_VALUE).orElseThrow())
                    .singleElement()
                    .satisfies(series -> assertThat(series.demand()).containsExactly(5));
        }
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
