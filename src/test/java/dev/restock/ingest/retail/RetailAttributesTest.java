package dev.restock.ingest.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.RestockException;
import dev.restock.ingest.retail.RetailAttributes.Assembly;
import dev.restock.ingest.retail.RetailAttributes.VendorTerms;
import dev.restock.ingest.retail.RetailAttributes.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetailAttributesTest {

    private static final String VALID = """
            timeZone: Europe/London
            currency: GBP
            warehouses:
              - {code: LDN, name: "London", timeZone: Europe/London}
              - {code: INTL, name: "International", timeZone: Europe/London}
            countryWarehouses:
              "United Kingdom": LDN
            otherCountriesWarehouse: INTL
            vendors:
              - {code: PAPER, name: "Paper supplier", currency: GBP, leadTimeDays: 10}
            terms:
              - {sku: "10002", vendor: PAPER, cost: 0.425, moq: 40, casePack: 2, vendorReference: "P-10002"}
            stock:
              - {sku: "10002", warehouse: LDN, available: 12, minStock: 11, maxStock: 132, leadTimeDays: 14, daysOfStock: 28}
            assemblies:
              - sku: "KIT-0001"
                title: "GIFT SET"
                price: 9.00
                components:
                  - {sku: "10002", quantity: 2}
                  - {sku: "10003", quantity: 1}
            """;

    @TempDir
    Path directory;

    @Test
    void bundledFileHasTheStoreFactsAndMapsCountriesToWarehouses() {
        RetailAttributes attributes = RetailAttributes.loadBundled();

        assertThat(attributes.timeZone()).isEqualTo("Europe/London");
        assertThat(attributes.currency()).isEqualTo("GBP");
        assertThat(attributes.warehouses()).extracting(Warehouse::code).containsExactly("LDN", "INTL");
        assertThat(attributes.warehouseFor("United Kingdom")).isEqualTo("LDN");
        assertThat(attributes.warehouseFor("France")).isEqualTo("INTL");
        assertThat(attributes.warehouseFor("Unspecified")).isEqualTo("INTL");
        assertThat(attributes.warehouseFor(null)).isEqualTo("INTL");
    }

    @Test
    void bundledFileHasTermsForThousandsOfSkusAndFiveGiftSets() {
        RetailAttributes attributes = RetailAttributes.loadBundled();

        assertThat(attributes.vendors()).hasSize(6);
        assertThat(attributes.terms()).hasSizeGreaterThan(3_500);
        assertThat(attributes.terms())
                .filteredOn(terms -> terms.sku().equals("85123A"))
                .singleElement()
                .extracting(VendorTerms::vendor)
                .isEqualTo("LIGHTS");
        assertThat(attributes.stock()).hasSizeGreaterThan(attributes.terms().size());
        assertThat(attributes.assemblies())
                .extracting(Assembly::sku)
                .containsExactly("KIT-0001", "KIT-0002", "KIT-0003", "KIT-0004", "KIT-0005");
        assertThat(attributes.assemblies())
                .allSatisfy(assembly -> assertThat(assembly.components()).hasSize(3));
    }

    @Test
    void bundledResourceIsTheFileInTheRepository() {
        RetailAttributes inRepository = RetailAttributes.load(Path.of(RetailAttributes.BUNDLED_RESOURCE));

        assertThat(RetailAttributes.loadBundled()).isEqualTo(inRepository);
    }

    @Test
    void loadsAValidFile() throws IOException {
        RetailAttributes attributes = RetailAttributes.load(write(VALID));

        assertThat(attributes.terms().getFirst().cost()).isEqualByComparingTo("0.425");
        assertThat(attributes.terms().getFirst().leadTimeDays()).isNull();
        assertThat(attributes.assemblies().getFirst().components()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            casePack: 2           | casePack: 0           | key 'terms[0].casePack': expected a number greater than 0, found '0'
            cost: 0.425           | cost: cheap           | key 'terms[0].cost': expected a decimal number, found 'cheap'
            casePack: 2,          | casePack: 2, colour: red, | unknown key 'terms[0].colour'
            vendor: PAPER,        | vendor: INK,          | key 'terms[0].vendor': expected one of the defined codes (PAPER), found 'INK'
            leadTimeDays: 14      | leadTimeDays: 1.5     | key 'stock[0].leadTimeDays': expected a whole number
            warehouse: LDN        | warehouse: PARIS      | key 'stock[0].warehouse': expected one of the defined codes (INTL, LDN)
            otherCountriesWarehouse: INTL | otherCountriesWarehouse: | key 'otherCountriesWarehouse': expected one of the defined codes
            currency: GBP         | currency: pounds      | key 'currency': expected a three-letter ISO 4217 currency code
            quantity: 1}          | quantity: -1}         | key 'assemblies[0].components[1].quantity': expected a number greater than 0
            sku: "10003"          | sku: "10002"          | key 'assemblies[0].components[1].sku'
            "United Kingdom": LDN | "United Kingdom": [LDN] | key 'countryWarehouses.United Kingdom': expected a text value
            "United Kingdom": LDN | "United Kingdom": LDN: x | not valid YAML at line 7
            """)
    void badFileFailsWithAMessageNamingTheKey(String valid, String broken, String expected) throws IOException {
        Path file = write(VALID.replace(valid, broken));

        assertThatThrownBy(() -> RetailAttributes.load(file))
                .isInstanceOf(RestockException.class)
                .hasMessageContaining("Bad demo attributes in " + file)
                .hasMessageContaining(expected)
                .hasMessageContaining("Nothing was applied");
    }

    @Test
    void duplicateSkuInTermsIsRejected() throws IOException {
        String line =
                "  - {sku: \"10002\", vendor: PAPER, cost: 0.425, moq: 40, casePack: 2, vendorReference: \"P-10002\"}\n";
        Path file = write(VALID.replace(line, line + line));

        assertThatThrownBy(() -> RetailAttributes.load(file))
                .hasMessageContaining("key 'terms[1].sku': expected an entry no earlier entry has, found '10002'");
    }

    @Test
    void missingFileSaysHowToRegenerateIt() {
        Path missing = directory.resolve("nowhere.yaml");

        assertThatThrownBy(() -> RetailAttributes.load(missing))
                .isInstanceOf(RestockException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("restock demo generate-attributes");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("attributes.yaml"), yaml);
    }
}
