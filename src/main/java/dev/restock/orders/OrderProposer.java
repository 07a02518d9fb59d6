package dev.restock.orders;

import dev.restock.replenishment.OrderProposal;
import dev.restock.replenishment.OrderProposals;
import dev.restock.replenishment.ReplenishmentReport;
import dev.restock.replenishment.ReportQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the report's proposals into draft stock orders ({@code restock orders propose}).
 *
 * <p>No duplicates: a proposed line is left out when a draft order of the same type, warehouse
 * and vendor (or source warehouse) already has a line for the variant. Drafts do not count as on
 * order, so without this every run would propose the same orders again. All drafts of one run are
 * created in one transaction under an advisory lock, so two runs at the same time cannot both
 * create them, and a failure leaves none half-made.
 */
@Service
public class OrderProposer {

    /** Key of the advisory lock that serialises proposal runs across processes. */
    private static final long PROPOSE_LOCK = 0x7265_7374_6f63_6b01L;

    private static final Logger log = LoggerFactory.getLogger(OrderProposer.class);

    private final ReplenishmentReport report;
    private final StockOrders orders;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public OrderProposer(
            ReplenishmentReport report, StockOrders orders, JdbcClient jdbc, TransactionTemplate transaction) {
        this.report = report;
        this.orders = orders;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** A run's outcome: the drafts created and the lines left out for want of a vendor. */
    public record Outcome(List<ProposedStockOrder> created, List<String> withoutVendor) {

        public Outcome {
            created = List.copyOf(created);
            withoutVendor = List.copyOf(withoutVendor);
        }
    }

    /** Proposes drafts for the report lines {@code query} selects that have something to order. */
    public Outcome propose(ReportQuery query, Actor actor) {
        OrderProposals.Grouped grouped = OrderProposals.group(report.plan(), query);
        List<ProposedStockOrder> created = transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)")
                    .param(PROPOSE_LOCK)
                    .query(Object.class)
                    .single();
            Set<List<Object>> drafted = draftedLines();
            List<ProposedStockOrder> made = new ArrayList<>();
            for (OrderProposal proposal : grouped.orders()) {
                List<OrderProposal.Line> lines = proposal.lines().stream()
                        .filter(line -> !drafted.contains(key(proposal, line.variantId())))
                        .toList();
                if (!lines.isEmpty()) {
                    made.add(create(proposal, lines, actor));
                }
            }
            return made;
        });
        log.info(
                "Proposed {} draft orders from {} proposals",
                created.size(),
                grouped.orders().size());
        return new Outcome(created, grouped.withoutVendor());
    }

    private ProposedStockOrder create(OrderProposal proposal, List<OrderProposal.Line> lines, Actor actor) {
        StockOrder order = orders.create(
                new NewStockOrder(
                        OrderType.fromCode(proposal.type()),
                        proposal.warehouseId(),
                        proposal.vendorId(),
                        proposal.sourceWarehouseId(),
                        proposal.currency() == null ? null : proposal.currency().trim(),
                        null),
                actor);
        List<ProposedStockOrder.Line> created = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (OrderProposal.Line line : lines) {
            StockOrderLine added =
                    orders.addLine(order.id(), line.variantId(), line.quantity(), line.unitCost(), actor);
            created.add(new ProposedStockOrder.Line(
                    added.lineItemId(), added.sku(), added.replenishment(), added.costPrice()));
            if (added.costPrice() != null) {
                total = total.add(added.replenishment().multiply(added.costPrice()));
            }
        }
        return new ProposedStockOrder(
                order.id(),
                order.reference(),
                order.type().code(),
                proposal.warehouse(),
                proposal.vendor(),
                proposal.sourceWarehouse(),
                order.currency(),
                created,
                total);
    }

    /** (type, warehouse, vendor or source, variant) of every line of a draft order. */
    private Set<List<Object>> draftedLines() {
        Set<List<Object>> keys = new HashSet<>();
        jdbc.sql("""
                select o.type, o.warehouse_id, coalesce(o.vendor_id, o.source_warehouse_id, -1), l.variant_id
                from stock_orders o
                join order_statuses s on s.name = o.status
                join stock_order_lines l on l.order_id = o.id
                where s.type = 'draft' and l.variant_id is not null
                """).query((java.sql.ResultSet row) -> {
            keys.add(List.of(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4)));
        });
        return keys;
    }

    private static List<Object> key(OrderProposal proposal, long variantId) {
        Long partner = proposal.vendorId() != null
                ? proposal.vendorId()
                : proposal.sourceWarehouseId() != null ? proposal.sourceWarehouseId() : Long.valueOf(-1);
        return List.of(proposal.type(), proposal.warehouseId(), partner, variantId);
    }
}
