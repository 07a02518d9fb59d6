package dev.restock.orders;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Catalog rows that stock orders refer to, inserted straight into Restock's database. */
public final class OrderFixtures {

    private final JdbcClient jdbc;

    public OrderFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long warehouse(String code) {
        return jdbc.sql("insert into warehouses (code, name) values (?, ?) returning id")
                .params(code, "Warehouse " + code)
                .query(Long.class)
                .single();
    }

    public long vendor(String code) {
        return jdbc.sql("insert into vendors (code, name, currency) values (?, ?, 'EUR') returning id")
                .params(code, "Vendor " + code)
                .query(Long.class)
                .single();
    }

    public long variant(String sku, String title, String barcode) {
        return jdbc.sql("insert into variants (sku, title, barcode) values (?, ?, ?) returning id")
                .params(sku, title, barcode)
                .query(Long.class)
                .single();
    }
}
