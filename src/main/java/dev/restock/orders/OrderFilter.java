package dev.restock.orders;

/**
 * Which orders to list; a null field does not filter.
 *
 * @param status a status name, matched without regard to case
 * @param saved true: saved to a connection; false: not (yet) saved
 */
public record OrderFilter(OrderType type, String status, Boolean saved) {

    public static OrderFilter all() {
        return new OrderFilter(null, null, null);
    }
}
