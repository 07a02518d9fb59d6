package dev.restock.ingest.retail;

import dev.restock.ingest.retail.RetailAttributes.Assembly;
import dev.restock.ingest.retail.RetailAttributes.StartingStock;
import dev.restock.ingest.retail.RetailAttributes.Vendor;
import dev.restock.ingest.retail.RetailAttributes.VendorTerms;
import dev.restock.ingest.retail.RetailAttributes.Warehouse;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checks a parsed attributes file must pass before anything is written: required keys are
 * present, numbers are in range, and every code refers to something the file defines. Stops at
 * the first problem and names its key; one clear message beats a page of them for a generated
 * file.
 */
final class RetailAttributesCheck {

    /** Thrown inside the check only, to stop at the first problem. */
    private static final class Problem extends RuntimeException {
        Problem(String key, String expected, Object found) {
            super(
                    "key '" + key + "': expected " + expected + ", found "
                            + (found == null ? "nothing" : "'" + found + "'"),
                    null,
                    false,
                    false);
        }
    }

    private RetailAttributesCheck() {}

    /** The first problem as "key '...': expected ..., found ...", or null when the file is fine. */
    static String firstProblem(RetailAttributes attributes) {
        try {
            check(attributes);
            return null;
        } catch (Problem problem) {
            return problem.getMessage();
        }
    }

    private static void check(RetailAttributes attributes) {
        zone("timeZone", attributes.timeZone());
        currency("currency", attributes.currency());
        Set<String> warehouses = codes("warehouses", attributes.warehouses(), Warehouse::code);
        for (int i = 0; i < attributes.warehouses().size(); i++) {
            Warehouse warehouse = attributes.warehouses().get(i);
            text("warehouses[" + i + "].name", warehouse.name());
            zone("warehouses[" + i + "].timeZone", warehouse.timeZone());
        }
        for (Map.Entry<String, String> entry : attributes.countryWarehouses().entrySet()) {
            oneOf("countryWarehouses." + entry.getKey(), entry.getValue(), warehouses);
        }
        oneOf("otherCountriesWarehouse", attributes.otherCountriesWarehouse(), warehouses);
        Set<String> vendors = codes("vendors", attributes.vendors(), Vendor::code);
        for (int i = 0; i < attributes.vendors().size(); i++) {
            checkVendor("vendors[" + i + "]", attributes.vendors().get(i));
        }
        Set<String> termSkus = new HashSet<>();
        for (int i = 0; i < attributes.terms().size(); i++) {
            VendorTerms terms = attributes.terms().get(i);
            checkTerms("terms[" + i + "]", terms, vendors);
            unique("terms[" + i + "].sku", terms.sku(), termSkus);
        }
        Set<String> stockRows = new HashSet<>();
        for (int i = 0; i < attributes.stock().size(); i++) {
            StartingStock stock = attributes.stock().get(i);
            checkStock("stock[" + i + "]", stock, warehouses);
            unique("stock[" + i + "]", stock.sku() + " in " + stock.warehouse(), stockRows);
        }
        Set<String> assemblySkus = new HashSet<>();
        for (int i = 0; i < attributes.assemblies().size(); i++) {
            Assembly assembly = attributes.assemblies().get(i);
            checkAssembly("assemblies[" + i + "]", assembly);
            unique("assemblies[" + i + "].sku", assembly.sku(), assemblySkus);
        }
    }

    private static void checkVendor(String key, Vendor vendor) {
        text(key + ".name", vendor.name());
        currency(key + ".currency", vendor.currency());
        days(key + ".leadTimeDays", vendor.leadTimeDays(), true);
    }

    private static void checkTerms(String key, VendorTerms terms, Set<String> vendors) {
        text(key + ".sku", terms.sku());
        oneOf(key + ".vendor", terms.vendor(), vendors);
        atLeastZero(key + ".cost", terms.cost(), true);
        atLeastZero(key + ".moq", terms.moq(), true);
        positive(key + ".casePack", terms.casePack());
        days(key + ".leadTimeDays", terms.leadTimeDays(), false);
    }

    private static void checkStock(String key, StartingStock stock, Set<String> warehouses) {
        text(key + ".sku", stock.sku());
        oneOf(key + ".warehouse", stock.warehouse(), warehouses);
        atLeastZero(key + ".available", stock.available(), true);
        atLeastZero(key + ".minStock", stock.minStock(), true);
        atLeastZero(key + ".maxStock", stock.maxStock(), false);
        days(key + ".leadTimeDays", stock.leadTimeDays(), false);
        days(key + ".daysOfStock", stock.daysOfStock(), false);
    }

    private static void checkAssembly(String key, Assembly assembly) {
        text(key + ".sku", assembly.sku());
        text(key + ".title", assembly.title());
        atLeastZero(key + ".price", assembly.price(), false);
        if (assembly.components().isEmpty()) {
            throw new Problem(key + ".components", "a list of at least one component", null);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < assembly.components().size(); i++) {
            String componentKey = key + ".components[" + i + "]";
            String sku = assembly.components().get(i).sku();
            text(componentKey + ".sku", sku);
            if (sku.equals(assembly.sku()) || !seen.add(sku)) {
                throw new Problem(
                        componentKey + ".sku", "a SKU other than the assembly and the" + " other components", sku);
            }
            positive(componentKey + ".quantity", assembly.components().get(i).quantity());
        }
    }

    private static <T> Set<String> codes(String key, List<T> items, Function<T, String> code) {
        if (items.isEmpty()) {
            throw new Problem(key, "a list of at least one entry", null);
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = code.apply(items.get(i));
            text(key + "[" + i + "].code", value);
            if (!codes.add(value)) {
                throw new Problem(key + "[" + i + "].code", "a code no other entry has", value);
            }
        }
        return codes;
    }

    /** One row per key: the database cannot take two rows for one key in one statement. */
    private static void unique(String key, String value, Set<String> seen) {
        if (!seen.add(value)) {
            throw new Problem(key, "an entry no earlier entry has", value);
        }
    }

    private static void text(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new Problem(key, "a text value", value);
        }
    }

    private static void oneOf(String key, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            String choices = allowed.stream().sorted().collect(Collectors.joining(", "));
            throw new Problem(key, "one of the defined codes (" + choices + ")", value);
        }
    }

    private static void zone(String key, String value) {
        try {
            ZoneId.of(value == null ? "" : value);
        } catch (DateTimeException e) {
            throw new Problem(key, "a time zone such as Europe/London", value);
        }
    }

    private static void currency(String key, String value) {
        if (value == null || !value.matches("[A-Z]{3}")) {
            throw new Problem(key, "a three-letter ISO 4217 currency code such as GBP", value);
        }
    }

    private static void days(String key, Integer value, boolean required) {
        if ((value == null && required) || (value != null && value < 0)) {
            throw new Problem(key, "a whole number of days, 0 or more", value);
        }
    }

    private static void atLeastZero(String key, BigDecimal value, boolean required) {
        if ((value == null && required) || (value != null && value.signum() < 0)) {
            throw new Problem(key, "a number, 0 or more", value);
        }
    }

    private static void positive(String key, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new Problem(key, "a number greater than 0", value);
        }
    }
}
