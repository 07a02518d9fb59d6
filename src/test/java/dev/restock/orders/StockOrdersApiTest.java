package dev.restock.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.ApiTest;
import dev.restock.connections.Connection;
import dev.restock.connections.ConnectionKind;
import dev.restock.connections.Connections;
import dev.restock.connections.SecretReference;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StockOrdersApiTest extends ApiTest {

    @Autowired
    Connections connections;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void catalog() {
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        fixtures.warehouse("MAIN");
        fixtures.vendor("ACME");
        fixtures.variant("MUG-1", "Blue mug", null);
        fixtures.variant("CUP-2", "Tea cup", null);
    }

    @Test
    void createsAnOrderAndEditsReceivesAndListsIt() {
        HttpResponse<String> created = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME", "expectedDate": "2026-12-24",
                 "lines": [{"sku": "MUG-1", "quantity": 10, "costPrice": 1.25}]}
                """);
        JsonNode order = json(created);
        String reference = order.get("reference").asString();

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location"))
                .hasValue("/api/v1/stock-orders/" + order.get("id").asString());
        assertThat(order.get("status").asString()).isEqualTo("DRAFT");
        assertThat(order.get("lines").get(0).get("costPrice").toString()).isEqualTo("1.25");

        assertThat(post("/api/v1/stock-orders/" + reference + "/lines", "{\"sku\": \"CUP-2\", \"quantity\": 3}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(json(patch("/api/v1/stock-orders/" + reference + "/lines/1", "{\"quantity\": 12}"))
                        .get("lines")
                        .get(0)
                        .get("replenishment")
                        .toString())
                .isEqualTo("12");
        assertThat(json(delete("/api/v1/stock-orders/" + reference + "/lines/2"))
                        .get("lines"))
                .hasSize(1);
        assertThat(json(post("/api/v1/stock-orders/" + reference + "/status", "{\"status\": \"OPEN\"}"))
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
        JsonNode received = json(post(
                "/api/v1/stock-orders/" + reference + "/receipts",
                "{\"lineItemId\": \"1\", \"quantity\": 5, \"date\": \"2026-12-20\"}"));
        assertThat(received.get("status").asString()).isEqualTo("PARTIALLY RECEIVED");
        assertThat(received.get("lines").get(0).get("received").toString()).isEqualTo("5");
        assertThat(received.get("lines").get(0).get("receivedDate").asString()).isEqualTo("2026-12-20");

        assertThat(json(get("/api/v1/stock-orders?type=po&saved=false"))
                        .get(0)
                        .get("reference")
                        .asString())
                .isEqualTo(reference);
        assertThat(json(get("/api/v1/stock-orders?saved=true"))).isEmpty();
        assertThat(json(get("/api/v1/stock-orders/" + order.get("id").asString()))
                        .get("reference")
                        .asString())
                .isEqualTo(reference);
        assertThat(history("user", "api")).isEqualTo(9);
    }

    @Test
    void anyEditOfASavedOrderIs409NamingTheConnectionAndWritesNoEvent() {
        String reference =
                json(post("/api/v1/stock-orders", """
                        {"type": "po", "warehouse": "MAIN", "vendor": "ACME",
                         "lines": [{"sku": "MUG-1", "quantity": 2}]}
                        """)).get("reference").asString();

        JsonNode saved = json(post("/api/v1/stock-orders/" + reference + "/save", "{\"connection\": \"local\"}"));
        long events = events();
        HttpResponse<String> edit = patch("/api/v1/stock-orders/" + reference + "/lines/1", "{\"quantity\": 3}");
        HttpResponse<String> status =
                post("/api/v1/stock-orders/" + reference + "/status", "{\"status\": \"CANCELLED\"}");
        HttpResponse<String> added =
                post("/api/v1/stock-orders/" + reference + "/lines", "{\"sku\": \"CUP-2\", \"quantity\": 1}");

        assertThat(saved.get("savedTo").asString()).isEqualTo("local");
        assertThat(saved.get("table").asString()).isEqualTo("PURCHASE_ORDERS");
        assertThat(saved.get("readOnly").asBoolean()).isTrue();
        for (HttpResponse<String> refused : java.util.List.of(edit, status, added)) {
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(refused).get("connection").asString()).isEqualTo("local");
            assertThat(json(refused).get("detail").asString()).contains("saved to connection 'local'");
        }
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void aSaveThatCannotConnectIs422SayingSoWithoutTheTableHint() {
        connections.save(new Connection(
                "badurl",
                ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:1/nope",
                "x",
                SecretReference.environment("RESTOCK_TEST_UNSET_VAR"),
                null,
                null,
                false));
        String reference =
                json(post("/api/v1/stock-orders", """
                        {"type": "po", "warehouse": "MAIN", "vendor": "ACME",
                         "lines": [{"sku": "MUG-1", "quantity": 2}]}
                        """)).get("reference").asString();

        HttpResponse<String> failed =
                post("/api/v1/stock-orders/" + reference + "/save", "{\"connection\": \"badurl\"}");

        assertProblem(
                failed,
                422,
                "Saving " + reference + " to 'badurl' failed while connecting: Connection 'badurl' reads its password"
                        + " from environment variable RESTOCK_TEST_UNSET_VAR, which is not set. Nothing was written;"
                        + " the order stays editable and can be saved again. Run `restock connections test badurl`");
        assertThat(json(failed).get("detail").asString()).doesNotContain("PURCHASE_ORDERS");
    }

    @Test
    void badRequestsAreProblemDocuments() {
        HttpResponse<String> noType = post("/api/v1/stock-orders", "{\"warehouse\": \"MAIN\"}");
        HttpResponse<String> badType = post("/api/v1/stock-orders", "{\"type\": \"boat\", \"warehouse\": \"MAIN\"}");
        HttpResponse<String> noVendor = post("/api/v1/stock-orders", "{\"type\": \"po\", \"warehouse\": \"MAIN\"}");
        HttpResponse<String> unknownSku = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME", "lines": [{"sku": "NOPE", "quantity": 2}]}
                """);
        HttpResponse<String> unknownVendor =
                post("/api/v1/stock-orders", "{\"type\": \"po\", \"warehouse\": \"MAIN\", \"vendor\": \"NOPE\"}");
        HttpResponse<String> unknownWarehouse =
                post("/api/v1/stock-orders", "{\"type\": \"po\", \"warehouse\": \"NOPE\", \"vendor\": \"ACME\"}");
        HttpResponse<String> noQuantity = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME", "lines": [{"sku": "MUG-1"}]}
                """);
        HttpResponse<String> notJson = post("/api/v1/stock-orders", "{\"type\": ");
        HttpResponse<String> unknownOrder = get("/api/v1/stock-orders/PO-424242");

        // A vendor or warehouse named in the body is not the resource of the URL: 422, not 404.
        assertProblem(unknownVendor, 422, "There is no vendor with code 'NOPE'. Nothing was created;");
        assertProblem(unknownWarehouse, 422, "There is no warehouse with code 'NOPE'. Nothing was created;");
        for (HttpResponse<String> refusedCreate :
                java.util.List.of(noType, badType, noVendor, unknownSku, unknownVendor, unknownWarehouse, noQuantity)) {
            assertProblem(refusedCreate, 422, "Nothing was created");
        }
        assertProblem(noType, 422, "needs 'type'");
        assertProblem(badType, 422, "'boat' is not one of po, transfer, assembly");
        assertProblem(noVendor, 422, "needs a vendor");
        assertProblem(unknownSku, 422, "no variant with SKU 'NOPE'");
        assertProblem(noQuantity, 422, "Line MUG-1 needs a quantity.");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertProblem(unknownOrder, 404, "There is no stock order PO-424242.");
        assertThat(events()).isZero();
    }

    @Test
    void aQuantityOrPriceTooLargeForItsColumnIs422NamingTheFieldAndTheLimit() {
        // The user test's body: the database's "numeric field overflow" became a 401 before.
        HttpResponse<String> created = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME", "lines": [{"sku": "MUG-1", "quantity": 1e40}]}
                """);
        String reference =
                json(post("/api/v1/stock-orders", """
                        {"type": "po", "warehouse": "MAIN", "vendor": "ACME",
                         "lines": [{"sku": "MUG-1", "quantity": 2}]}
                        """)).get("reference").asString();
        HttpResponse<String> added = post(
                "/api/v1/stock-orders/" + reference + "/lines",
                "{\"sku\": \"CUP-2\", \"quantity\": 1, \"costPrice\": 1e32}");
        HttpResponse<String> edited = patch(
                "/api/v1/stock-orders/" + reference + "/lines/1", "{\"quantity\": 100000000000000000000000000000000}");
        post("/api/v1/stock-orders/" + reference + "/status", "{\"status\": \"OPEN\"}");
        HttpResponse<String> received =
                post("/api/v1/stock-orders/" + reference + "/receipts", "{\"lineItemId\": \"1\", \"quantity\": 1e33}");

        assertProblem(
                created,
                422,
                "The quantity of MUG-1 (1E+40) is too large: Restock keeps at most 32 digits before the decimal point."
                        + " Nothing was created.");
        assertProblem(added, 422, "The cost price of CUP-2 (1E+32) is too large");
        assertProblem(edited, 422, "The quantity of line 1 (100000000000000000000000000000000) is too large");
        assertProblem(received, 422, "The quantity received (1E+33) is too large");
        assertThat(json(get("/api/v1/stock-orders/" + reference)).get("lines")).hasSize(1);
    }

    @Test
    void aDateOutsideTheYears1900To9999Is422NamingTheDateAndTheRange() {
        // The user test's dates were stored as +292278994-08-16, +292269055-12-02 and 0001-01-01.
        HttpResponse<String> farFuture = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME", "expectedDate": "+999999999-12-31"}
                """);
        HttpResponse<String> yearZero = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME", "expectedDate": "0000-01-01"}
                """);
        String reference =
                json(post("/api/v1/stock-orders", """
                        {"type": "po", "warehouse": "MAIN", "vendor": "ACME", "expectedDate": "1900-01-01",
                         "lines": [{"sku": "MUG-1", "quantity": 2}]}
                        """)).get("reference").asString();
        post("/api/v1/stock-orders/" + reference + "/status", "{\"status\": \"OPEN\"}");
        HttpResponse<String> farPast = post(
                "/api/v1/stock-orders/" + reference + "/receipts",
                "{\"lineItemId\": \"1\", \"quantity\": 1, \"date\": \"-999999999-01-01\"}");
        HttpResponse<String> lastDay = post(
                "/api/v1/stock-orders/" + reference + "/receipts",
                "{\"lineItemId\": \"1\", \"quantity\": 1, \"date\": \"9999-12-31\"}");

        assertProblem(
                farFuture,
                422,
                "The expected date +999999999-12-31 is outside the dates Restock accepts, 1900-01-01 to"
                        + " 9999-12-31. Nothing was created.");
        assertProblem(yearZero, 422, "The expected date 0000-01-01 is outside the dates Restock accepts");
        assertProblem(
                farPast,
                422,
                "The receipt date -999999999-01-01 is outside the dates Restock accepts, 1900-01-01 to"
                        + " 9999-12-31. Nothing was received.");
        JsonNode order = json(get("/api/v1/stock-orders/" + reference));
        assertThat(order.get("expectedDate").asString()).isEqualTo("1900-01-01");
        assertThat(lastDay.statusCode()).isEqualTo(200);
        assertThat(order.get("lines").get(0).get("receivedDate").asString()).isEqualTo("9999-12-31");
        assertThat(order.get("lines").get(0).get("received").toString()).isEqualTo("1");
        assertThat(json(get("/api/v1/stock-orders"))).hasSize(1);
    }

    @Test
    void aControlCharacterInTextIs422NamingTheField() {
        // The user test's SKU: PostgreSQL refused its U+0000, and the API answered 500.
        HttpResponse<String> nul = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME",
                 "lines": [{"sku": "MUG-1", "quantity": 1}, {"sku": "22318\\u0000", "quantity": 1}]}
                """);
        HttpResponse<String> newline = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MA\\nIN", "vendor": "ACME"}
                """);
        HttpResponse<String> loneSurrogate = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME", "currency": "EU\\ud800"}
                """);

        assertProblem(
                nul,
                422,
                "The request's 'lines[1].sku' holds a control character (U+0000); Restock accepts none in text."
                        + " The request changed nothing.");
        assertProblem(newline, 422, "The request's 'warehouse' holds a control character (U+000A)");
        assertProblem(loneSurrogate, 422, "The request's 'currency' holds an unpaired surrogate (U+D800)");
        assertProblem(
                get("/api/v1/stock-orders?status=OPEN%00"),
                422,
                "The request's parameter 'status' holds a control character (U+0000)");
        assertProblem(
                post("/api/v1/stock-orders/PO-1%01/status", "{\"status\": \"OPEN\"}"),
                422,
                "The request's 'id' in the path holds a control character (U+0001)");
        assertThat(json(get("/api/v1/stock-orders"))).isEmpty();
        assertThat(events()).isZero();
    }

    @Test
    void anUnreadableBodyIs400NamingTheFieldAndWhatWasExpected() {
        HttpResponse<String> date = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME", "expectedDate": "10000-01-01"}
                """);
        HttpResponse<String> text = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME",
                 "lines": [{"sku": "MUG-1", "quantity": "%s"}]}
                """.formatted("many".repeat(100)));
        HttpResponse<String> bool = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME",
                 "lines": [{"sku": "MUG-1", "quantity": 1}, {"sku": "CUP-2", "quantity": true}]}
                """);
        HttpResponse<String> list = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME", "lines": {"sku": "MUG-1"}}
                """);
        HttpResponse<String> broken = post("/api/v1/stock-orders", "{\"type\": ");

        assertProblem(date, 400, "The request's 'expectedDate' is not a date (expected YYYY-MM-DD).");
        assertProblem(
                text,
                400,
                "The request's 'lines[0].quantity' is not a number (expected a decimal number such as 2.5).");
        assertProblem(bool, 400, "The request's 'lines[1].quantity' is not a number");
        assertProblem(list, 400, "The request's 'lines' is not a list (expected a JSON array).");
        assertProblem(broken, 400, "The request body is not valid JSON (line 1, column ");
        for (HttpResponse<String> refused : java.util.List.of(date, text, bool, list, broken)) {
            assertThat(json(refused).get("detail").asString())
                    .doesNotContain("many", "10000", "dev.restock", "Jackson", "BigDecimal", "LocalDate");
        }
        assertThat(json(get("/api/v1/stock-orders"))).isEmpty();
    }

    @Test
    void aFieldTheRequestDoesNotTakeAndANumberSentAsTextAre400() {
        HttpResponse<String> typo = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME",
                 "lines": [{"sku": "MUG-1", "quantiy": 5}]}
                """);
        HttpResponse<String> quoted = post("/api/v1/stock-orders", """
                {"type": "po", "warehouse": "MAIN", "vendor": "ACME",
                 "lines": [{"sku": "MUG-1", "quantity": "5"}]}
                """);

        assertProblem(typo, 400, "The request's 'lines[0].quantiy' is not a field this request takes.");
        assertProblem(
                quoted,
                400,
                "The request's 'lines[0].quantity' is not a number (expected a decimal number such as 2.5).");
        assertThat(json(get("/api/v1/stock-orders"))).isEmpty();
    }

    @Test
    void aQueryParameterOfTheWrongKindIs400NamingItWithoutQuotingIt() {
        HttpResponse<String> saved = get("/api/v1/stock-orders?saved=maybe");

        assertProblem(saved, 400, "The request's parameter 'saved' is not true or false.");
        assertThat(json(saved).get("detail").asString()).doesNotContain("maybe", "convert");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("detail").asString()).contains(detail);
    }

    private HttpResponse<String> patch(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    private long events() {
        return jdbc.sql("select count(*) from outbox_events").query(Long.class).single();
    }

    private long history(String actorType, String actor) {
        return jdbc.sql("select count(*) from stock_order_history where actor_type = ? and actor = ?")
                .params(actorType, actor)
                .query(Long.class)
                .single();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
