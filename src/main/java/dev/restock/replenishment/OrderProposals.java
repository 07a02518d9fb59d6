package dev.restock.replenishment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups report lines into proposed stock orders. Pure.
 *
 * <ul>
 *   <li>purchase orders: simple variants with something to order, one order per vendor (the
 *       preferred one, else the lowest cost, as the report chose) and destination warehouse;
 *   <li>assembly orders: one per assembly and warehouse, building what is to order;
 *   <li>transfer orders: the report's suggested transfers, one order per source and destination.
 * </ul>
 *
 * <p>Bundles are never ordered: they are put together when sold, and their need is already part
 * of their components' lines. A simple variant without any vendor cannot be bought and is left out
 * (see {@link Grouped#withoutVendor()}).
 */
public final class OrderProposals {

    private OrderProposals() {}

    /** The proposed orders, and the lines that could not be proposed for want of a vendor. */
    public record Grouped(List<OrderProposal> orders, List<String> withoutVendor) {

        public Grouped {
            orders = List.copyOf(orders);
            withoutVendor = List.copyOf(withoutVendor);
        }
    }

    /** Proposals for the lines {@code query} selects; transfers go with their destination's line. */
    public static Grouped group(ReplenishmentPlan plan, ReportQuery query) {
        List<ReplenishmentRow> selected =
                plan.lines().stream().filter(query::matches).toList();
        Map<List<Object>, Draft> drafts = new LinkedHashMap<>();
        List<String> withoutVendor = new ArrayList<>();
        for (ReplenishmentRow row : selected) {
            if (row.toOrder().signum() <= 0 || row.variantType().equals("bundle")) {
                continue;
            }
            if (row.variantType().equals("assembly")) {
                drafts.computeIfAbsent(
                                List.of(OrderProposal.ASSEMBLY, row.warehouseId(), row.variantId()),
                                key -> new Draft(OrderProposal.ASSEMBLY, row, null, null))
                        .add(row.variantId(), row.sku(), row.toOrder(), null);
            } else if (row.vendorId() == null) {
                withoutVendor.add(row.sku() + " in " + row.warehouse());
            } else {
                drafts.computeIfAbsent(
                                List.of(OrderProposal.PURCHASE, row.warehouseId(), row.vendorId()),
                                key -> new Draft(OrderProposal.PURCHASE, row, null, null))
                        .add(row.variantId(), row.sku(), row.toOrder(), row.unitCost());
            }
        }
        addTransfers(plan, selected, drafts);
        return new Grouped(drafts.values().stream().map(Draft::build).toList(), withoutVendor);
    }

    private static void addTransfers(
            ReplenishmentPlan plan, List<ReplenishmentRow> selected, Map<List<Object>, Draft> drafts) {
        Map<String, ReplenishmentRow> destinations = new HashMap<>();
        Set<String> selectedKeys = new HashSet<>();
        Map<String, Long> warehouseIds = new HashMap<>();
        selected.forEach(row -> selectedKeys.add(row.variantId() + "@" + row.warehouse()));
        for (ReplenishmentRow row : plan.lines()) {
            warehouseIds.put(row.warehouse(), row.warehouseId());
            destinations.put(row.variantId() + "@" + row.warehouse(), row);
        }
        for (TransferSuggestion transfer : plan.transfers()) {
            String destination = transfer.variantId() + "@" + transfer.toWarehouse();
            if (!selectedKeys.contains(destination)) {
                continue;
            }
            long from = warehouseIds.get(transfer.fromWarehouse());
            ReplenishmentRow to = destinations.get(destination);
            drafts.computeIfAbsent(
                            List.of(OrderProposal.TRANSFER, to.warehouseId(), from),
                            key -> new Draft(OrderProposal.TRANSFER, to, from, transfer.fromWarehouse()))
                    .add(transfer.variantId(), transfer.sku(), transfer.quantity(), null);
        }
    }

    /** An order being grouped. Mutable; used by one thread. */
    private static final class Draft {
        private final String type;
        private final ReplenishmentRow first;
        private final Long sourceWarehouseId;
        private final String sourceWarehouse;
        private final List<OrderProposal.Line> lines = new ArrayList<>();

        private Draft(String type, ReplenishmentRow first, Long sourceWarehouseId, String sourceWarehouse) {
            this.type = type;
            this.first = first;
            this.sourceWarehouseId = sourceWarehouseId;
            this.sourceWarehouse = sourceWarehouse;
        }

        Draft add(long variantId, String sku, BigDecimal quantity, BigDecimal unitCost) {
            lines.add(new OrderProposal.Line(variantId, sku, quantity, unitCost));
            return this;
        }

        OrderProposal build() {
            boolean purchase = type.equals(OrderProposal.PURCHASE);
            return new OrderProposal(
                    type,
                    first.warehouseId(),
                    first.warehouse(),
                    purchase ? first.vendorId() : null,
                    purchase ? first.vendor() : null,
                    sourceWarehouseId,
                    sourceWarehouse,
                    purchase ? first.currency() : null,
                    lines);
        }
    }
}
