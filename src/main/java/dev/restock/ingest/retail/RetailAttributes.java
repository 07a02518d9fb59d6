package dev.restock.ingest.retail;

import java.util.List;

/** Placeholder until the demo attributes land: the two warehouses only. */
public record RetailAttributes(String timeZone, String currency, List<Warehouse> warehouses) {

    public record Warehouse(String code, String name, String timeZone) {}

    public static RetailAttributes loadBundled() {
        return new RetailAttributes(
                "Europe/London",
                "GBP",
                List.of(
                        new Warehouse("LDN", "London (United Kingdom sales)", "Europe/London"),
                        new Warehouse("INTL", "International (all other countries)", "Europe/London")));
    }

    public String warehouseFor(String country) {
        return "United Kingdom".equals(country) ? "LDN" : "INTL";
    }
}
