package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class OrdersProposeCommandTest extends DatabaseTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void catalog() {
        jdbc.sql("insert into warehouses (code, name) values ('LDN', 'London')").update();
        jdbc.sql("insert into vendors (code, name) values ('ACME', 'Acme')").update();
        jdbc.sql("insert into variants (sku, title) values ('LAMP', 'Lamp')").update();
        jdbc.sql("insert into trading_days (warehouse_id, day) values (1, date '2024-03-01')")
                .update();
        jdbc.sql("insert into variant_warehouses (variant_id, warehouse_id, min_stock) values (1, 1, 12)")
                .update();
        jdbc.sql("insert into variant_vendors (variant_id, vendor_id, cost, order_multiple) values (1, 1, 1.5, 5)")
                .update();
    }

    @Test
    void printsTheCreatedOrdersAsAJsonList() {
        int exitCode = run("orders", "propose", "--format", "json");

        assertThat(exitCode).as(err.toString()).isZero();
        JsonNode orders = new ObjectMapper().readTree(out.toString());
        assertThat(orders.isArray()).isTrue();
        assertThat(orders).hasSize(1);
        JsonNode order = orders.get(0);
        assertThat(order.propertyNames()).contains("id", "reference", "type", "lines", "total");
        assertThat(order.get("reference").asString()).startsWith("PO-");
        assertThat(order.get("type").asString()).isEqualTo("po");
        // 12 needed, packs of 5: 15 at 1.50 = 22.50.
        assertThat(order.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("15");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("22.5");
    }

    @Test
    void saysSoWhenTheSecondRunProposesNothing() {
        assertThat(run("orders", "propose")).isZero();
        assertThat(out.toString()).contains("po", "ACME -> LDN", "1 lines", "total 22.5");
        out.getBuffer().setLength(0);

        int exitCode = run("orders", "propose");

        assertThat(exitCode).as(err.toString()).isZero();
        assertThat(out.toString()).contains("No new orders proposed");
    }

    private int run(String... args) {
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = TEST_HOME.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);
        return command.execute(withHome);
    }
}
