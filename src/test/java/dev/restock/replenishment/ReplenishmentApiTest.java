package dev.restock.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.ApiTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ReplenishmentApiTest extends ApiTest {

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void catalog() {
        jdbc.sql("insert into warehouses (code, name) values ('LDN', 'London'), ('PAR', 'Paris')")
                .update();
        jdbc.sql("insert into vendors (code, name) values ('ACME', 'Acme'), ('ZEN', 'Zenith')")
                .update();
        jdbc.sql("insert into variants (sku, title, price) values ('LAMP', 'Lamp', 30), ('MUG', 'Mug', 4)")
                .update();
        jdbc.sql("insert into trading_days (warehouse_id, day) values (1, date '2024-03-01')")
                .update();
        // Both short of minimum stock in London with nothing forecast: order now.
        jdbc.sql("insert into variant_warehouses (variant_id, warehouse_id, min_stock) values"
                        + " (1, 1, 5), (2, 1, 12), (2, 2, 0)")
                .update();
        jdbc.sql("insert into variant_vendors (variant_id, vendor_id, cost) values (1, 1, 10), (2, 2, 1)")
                .update();
    }

    @Test
    void servesTheReportWithTheKeysOfPlanJson() {
        var response = get("/api/v1/replenishment");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("planDate").asString()).isEqualTo("2024-03-02");
        assertThat(body.get("lines")).hasSize(3);
        assertThat(body.get("lines").get(0).propertyNames())
                .contains("sku", "warehouse", "replenishment", "toOrder", "replenishmentDate", "forecastMethod");
    }

    @Test
    void filtersByWarehouseVendorAndStatusLikeTheCommand() {
        JsonNode byVendor = json.readTree(
                get("/api/v1/replenishment?vendor=zen&warehouse=LDN").body());
        JsonNode orderNow =
                json.readTree(get("/api/v1/replenishment?status=order-now").body());

        assertThat(byVendor.get("lines")).hasSize(1);
        assertThat(byVendor.get("lines").get(0).get("sku").asString()).isEqualTo("MUG");
        assertThat(orderNow.get("lines"))
                .extracting(line -> line.get("sku").asString())
                .containsExactlyInAnyOrder("LAMP", "MUG");
    }

    @Test
    void servesTheStoredReportUntilItIsRefreshed() {
        long first = json.readTree(get("/api/v1/replenishment").body())
                .get("snapshotId")
                .asLong();
        jdbc.sql("update variant_warehouses set min_stock = 50 where variant_id = 1 and warehouse_id = 1")
                .update();

        JsonNode stored = json.readTree(
                get("/api/v1/replenishment?warehouse=LDN&sort=lost-revenue").body());
        var refreshed = post("/api/v1/replenishment/refresh", "{}");

        assertThat(stored.get("snapshotId").asLong()).isEqualTo(first);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode body = json.readTree(refreshed.body());
        assertThat(body.get("snapshotId").asLong()).isGreaterThan(first);
        assertThat(body.get("lines").get(0).get("sku").asString()).isEqualTo("LAMP");
        assertThat(body.get("lines").get(0).get("toOrder").decimalValue()).isEqualByComparingTo("50");
    }

    @Test
    void writesDecimalsAsPlainNumbersWithoutTrailingZerosOrExponent() {
        // The user test saw "replenishment":506.000000, the scale of the numeric(38,6) columns.
        jdbc.sql("update variant_warehouses set min_stock = 100 where variant_id = 1 and warehouse_id = 1")
                .update();

        String body = get("/api/v1/replenishment?warehouse=LDN").body();

        assertThat(body).contains("\"replenishment\":100,");
        // Every value of a key that is a number; text such as the time 12:00:01.5 is not.
        Matcher numbers = Pattern.compile("\":(-?\\d[\\d.eE+-]*)").matcher(body);
        int count = 0;
        while (numbers.find()) {
            String number = numbers.group(1);
            assertThat(number).as(body).doesNotContainIgnoringCase("e").doesNotEndWith(".");
            if (number.contains(".")) {
                assertThat(number).as(body).doesNotEndWith("0");
            }
            count++;
        }
        assertThat(count).isGreaterThan(10);
    }

    @Test
    void refusesAnUnknownStatusAsAProblemDocument() {
        var response = get("/api/v1/replenishment?status=urgent");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Unknown status 'urgent'");
    }
}
