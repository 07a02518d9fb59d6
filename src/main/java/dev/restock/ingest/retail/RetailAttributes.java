package dev.restock.ingest.retail;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The assumed attributes of the Online Retail demo: warehouses, vendors, purchase terms, starting
 * stock and assemblies, none of which the data set has. They live in the versioned file {@code
 * demo/online-retail.yaml}, written by {@link RetailAttributesGenerator} and applied to the catalog
 * by {@link RetailAttributesApplier}. See {@code docs/demo-data.md} for what is real and what is
 * assumed.
 *
 * @param timeZone the store's time zone, in which the data set's times are written
 * @param currency the currency of the data set's prices
 * @param countryWarehouses which warehouse serves a country of the data set
 * @param otherCountriesWarehouse the warehouse of every country not in {@code countryWarehouses}
 * @param terms one vendor's purchase terms per SKU
 * @param stock starting stock and planning settings per SKU and warehouse
 */
public record RetailAttributes(
        String timeZone,
        String currency,
        List<Warehouse> warehouses,
        Map<String, String> countryWarehouses,
        String otherCountriesWarehouse,
        List<Vendor> vendors,
        List<VendorTerms> terms,
        List<StartingStock> stock,
        List<Assembly> assemblies) {

    /** Where the bundled file lives, on the classpath and in the repository. */
    public static final String BUNDLED_RESOURCE = "demo/online-retail.yaml";

    public RetailAttributes {
        warehouses = copy(warehouses);
        countryWarehouses = countryWarehouses == null ? Map.of() : Map.copyOf(countryWarehouses);
        vendors = copy(vendors);
        terms = copy(terms);
        stock = copy(stock);
        assemblies = copy(assemblies);
    }

    /** Reads the file bundled with Restock, {@value #BUNDLED_RESOURCE}. */
    public static RetailAttributes loadBundled() {
        return Bundled.ATTRIBUTES;
    }

    /** Read once per JVM: the bundled file cannot change while Restock runs, and is 1 MB of YAML. */
    private static final class Bundled {
        static final RetailAttributes ATTRIBUTES = RetailAttributesReader.readResource(BUNDLED_RESOURCE);
    }

    /** Reads and checks the given file; a bad file fails with a message naming the key. */
    public static RetailAttributes load(Path file) {
        return RetailAttributesReader.readFile(file);
    }

    /** The code of the warehouse that serves {@code country}; unknown or empty countries included. */
    public String warehouseFor(String country) {
        String code = country == null ? null : countryWarehouses.get(country.strip());
        return code != null ? code : otherCountriesWarehouse;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** A physical stock location. */
    public record Warehouse(String code, String name, String timeZone) {}

    /** A supplier; its lead time applies to every SKU whose terms do not name their own. */
    public record Vendor(String code, String name, String currency, Integer leadTimeDays) {}

    /**
     * What one SKU costs from its vendor and how it is ordered.
     *
     * @param casePack the order multiple: quantities ordered are whole multiples of it
     * @param leadTimeDays this SKU's own lead time, or null for the vendor's
     */
    public record VendorTerms(
            String sku,
            String vendor,
            BigDecimal cost,
            BigDecimal moq,
            BigDecimal casePack,
            Integer leadTimeDays,
            String vendorReference) {}

    /** Stock on hand and planning settings of one SKU in one warehouse. */
    public record StartingStock(
            String sku,
            String warehouse,
            BigDecimal available,
            BigDecimal minStock,
            BigDecimal maxStock,
            Integer leadTimeDays,
            Integer daysOfStock) {}

    /** A gift set built ahead from components; a new SKU of type {@code assembly}. */
    public record Assembly(String sku, String title, BigDecimal price, List<Component> components) {

        public Assembly {
            components = copy(components);
        }
    }

    /** One line of an assembly's bill of materials: how many of a SKU go into one set. */
    public record Component(String sku, BigDecimal quantity) {}
}
