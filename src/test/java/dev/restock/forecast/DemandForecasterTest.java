package dev.restock.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemandForecasterTest extends DatabaseTest {

    private static final int HORIZON = 60;

    @Autowired
    DemandForecaster forecaster;

    @Autowired
    DemandHistory history;

    @Test
    void storedOrStreamedEveryHistoryGivesExactlyTheForecastOfAllHistoriesInMemory() {
        // 40 variants in 2 warehouses, 200 trading days, starting on different days, some spiky.
        jdbc.sql("insert into warehouses (code, name) values ('LDN', 'London'), ('PAR', 'Paris')")
                .update();
        jdbc.sql("insert into variants (sku, title) select 'V' || n, 'Variant ' || n from generate_series(1, 40) n")
                .update();
        jdbc.sql("""
                insert into trading_days (warehouse_id, day)
                select w, date '2024-01-01' + d from generate_series(1, 2) w, generate_series(0, 199) d
                where extract(isodow from date '2024-01-01' + d) <> 7
                """).update();
        jdbc.sql("""
                insert into daily_demand (variant_id, warehouse_id, day, sold)
                select v, w, date '2024-01-01' + d,
                    1 + (v * 7 + d * 13 + w) % 5 + case when d % 47 = v % 47 then 60 else 0 end
                from generate_series(1, 40) v, generate_series(1, 2) w, generate_series(0, 199) d
                where d >= v * 3 and (v * 31 + d * 17 + w) % 3 <> 0
                  and extract(isodow from date '2024-01-01' + d) <> 7
                """).update();

        List<VariantForecast> inMemory = DemandForecaster.forecast(history.loadAll(), HORIZON);

        assertSameForecasts(forecaster.forecastAll(HORIZON), inMemory);
        assertSameForecasts(new DemandForecaster(history, 0).forecastAll(HORIZON), inMemory);
    }

    private static void assertSameForecasts(List<VariantForecast> streamed, List<VariantForecast> inMemory) {
        assertThat(streamed).hasSize(80).hasSameSizeAs(inMemory);
        for (int index = 0; index < streamed.size(); index++) {
            Forecast actual = streamed.get(index).forecast();
            Forecast expected = inMemory.get(index).forecast();
            assertThat(streamed.get(index).sku()).isEqualTo(inMemory.get(index).sku());
            assertThat(actual.method()).isEqualTo(expected.method());
            for (int day = 0; day < HORIZON; day++) {
                assertThat(actual.demandOn(day)).isEqualTo(expected.demandOn(day));
            }
        }
    }
}
