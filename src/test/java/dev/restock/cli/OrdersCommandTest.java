package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.DatabaseTest;
import dev.restock.orders.Actor;
import dev.restock.orders.NewStockOrder;
import dev.restock.orders.OrderFixtures;
import dev.restock.orders.StockOrder;
import dev.restock.orders.StockOrders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

class OrdersCommandTest extends DatabaseTest {

    @Autowired
    StockOrders orders;

    @Test
    void savesAnOrderToTheLocalConnectionAndShowsItSaved() {
        OrderFixtures fixtures = new OrderFixtures(jdbc);
        StockOrder order = orders.create(
                NewStockOrder.purchase(fixtures.warehouse("MAIN"), fixtures.vendor("ACME"), "EUR"), Actor.user("anna"));
        orders.addLine(
                order.id(), fixtures.variant("SKU-1", "Mug", null), new BigDecimal("2.5"), null, Actor.user("anna"));

        String saved = run(0, "orders", "save", order.reference().toLowerCase());
        String shown = run(0, "orders", "show", order.reference());

        assertThat(saved).contains("Saved " + order.reference() + " to 'local' table PURCHASE_ORDERS: 1 rows");
        assertThat(shown).contains(order.reference() + "  po  OPEN  saved to 'local'", "SKU-1", "2.5");
        assertThat(run(0, "orders", "recover")).contains("0 saved, 0 undone, 0 still unsettled");
    }

    private static String run(int expectedExitCode, String... args) {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out));
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = TEST_HOME.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);

        assertThat(command.execute(withHome)).isEqualTo(expectedExitCode);
        return out.toString();
    }
}
