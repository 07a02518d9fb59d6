package dev.restock.webhooks;

import dev.restock.RestockException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The event types a subscription can ask for, and how its patterns match them: an exact type
 * ({@code stock_order.saved}), every type under a prefix ({@code stock_order.*}) or everything
 * ({@code *}).
 */
public final class EventTypes {

    /** Every type Restock writes to the outbox, as listed in docs/webhooks.md. */
    public static final List<String> KNOWN = List.of(
            "stock_order.created",
            "stock_order.saved",
            "stock_order.save_failed",
            "stock_order.updated",
            "stock_order.received",
            "stock_order.closed",
            "replenishment.completed",
            "webhook.disabled",
            "webhook.test");

    /** Sent by {@code webhooks test} to one subscription only, whatever it subscribes to. */
    public static final String TEST = "webhook.test";

    private static final Pattern SHAPE = Pattern.compile("\\*|[a-z0-9_]+(\\.[a-z0-9_]+)*(\\.\\*)?");

    private EventTypes() {}

    static boolean matches(String pattern, String type) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }

    static boolean matchesAny(List<String> patterns, String type) {
        return patterns.stream().anyMatch(pattern -> matches(pattern, type));
    }

    /** Checks a subscription's patterns: well formed, and each matching at least one known type. */
    static List<String> validate(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            throw new RestockException("A webhook needs at least one event type, for example"
                    + " --events 'stock_order.*'. Known types: " + String.join(", ", KNOWN) + ".");
        }
        for (String pattern : patterns) {
            if (!SHAPE.matcher(pattern).matches()) {
                throw new RestockException("Event type '" + pattern + "' is not valid: use a type such as"
                        + " stock_order.saved, a prefix such as stock_order.*, or * for every event.");
            }
            if (KNOWN.stream().noneMatch(type -> matches(pattern, type))) {
                throw new RestockException("Event type '" + pattern + "' matches no event Restock sends. Known"
                        + " types: " + String.join(", ", KNOWN) + ".");
            }
        }
        return List.copyOf(patterns);
    }
}
