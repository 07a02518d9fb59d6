package dev.restock.ingest.retail;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Placeholder until the demo attributes land: writes the warehouses only. */
@Component
public class RetailAttributesApplier {

    private final JdbcClient jdbc;

    public RetailAttributesApplier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long applyWarehouses(RetailAttributes attributes) {
        long changed = 0;
        for (var warehouse : attributes.warehouses()) {
            changed += jdbc.sql("""
                    insert into warehouses (code, name, time_zone) values (?, ?, ?)
                    on conflict (code) do update set name = excluded.name, time_zone = excluded.time_zone
                    where (warehouses.name, warehouses.time_zone) is distinct from (excluded.name, excluded.time_zone)
                    """)
                    .params(warehouse.code(), warehouse.name(), warehouse.timeZone())
                    .update();
        }
        return changed;
    }

    public Map<String, Long> apply(RetailAttributes attributes) {
        return Map.of();
    }
}
