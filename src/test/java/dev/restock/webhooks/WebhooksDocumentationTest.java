package dev.restock.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.orders.StockOrderDocument;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/webhooks.md is what receivers are built from, so its example delivery must be one Restock
 * could send: every field of the order document in the order events carry them.
 */
class WebhooksDocumentationTest {

    private static final Path DOCUMENT = Path.of("docs", "webhooks.md");

    @Test
    void theExampleDeliveryCarriesEveryFieldOfTheOrderDocumentInItsOrder() throws IOException {
        JsonNode order = exampleBody().get("data").get("order");

        assertThat(new ArrayList<>(order.propertyNames())).containsExactlyElementsOf(names(StockOrderDocument.class));
        assertThat(new ArrayList<>(order.get("lines").get(0).propertyNames()))
                .containsExactlyElementsOf(names(StockOrderDocument.Line.class));
    }

    @Test
    void theExampleDeliveryHasChangesOnlyIfItsTypeCarriesThem() throws IOException {
        JsonNode body = exampleBody();

        boolean carriesChanges = List.of("stock_order.updated", "stock_order.received", "stock_order.closed")
                .contains(body.get("type").asString());
        assertThat(body.get("data").has("changes")).isEqualTo(carriesChanges);
    }

    /** The body of the HTTP request under "What a delivery looks like": after the blank line. */
    private static JsonNode exampleBody() throws IOException {
        String document = Files.readString(DOCUMENT);
        int section = document.indexOf("## What a delivery looks like");
        int start = document.indexOf("```http\n", section);
        int end = document.indexOf("\n```", start);
        String request = document.substring(start, end);
        return JsonMapper.builder().build().readTree(request.substring(request.indexOf("\n\n") + 2));
    }

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }
}
