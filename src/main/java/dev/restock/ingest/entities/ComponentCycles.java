package dev.restock.ingest.entities;

import dev.restock.ingest.ImportException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refuses bills of materials that contain themselves (A contains B contains A), which would make
 * component demand infinite. Checked after components.csv is applied, over every component row
 * that is not removed, so a cycle closed by a row already in the database is found too.
 */
final class ComponentCycles {

    private final JdbcTemplate jdbc;

    ComponentCycles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void check(EntityStage stage, EntityHeader header) {
        findCycle(activeComponents()).ifPresent(cycle -> {
            Link link = firstLinkInFile(cycle, stage);
            throw new ImportException(
                    EntityFile.COMPONENTS.fileName(),
                    link.line(),
                    header.positionOf("COMPONENT_SKU"),
                    "COMPONENT_SKU",
                    "the components form a cycle: " + String.join(" contains ", startingAt(cycle, link.index()))
                            + "; a variant cannot contain itself, directly or through other components");
        });
    }

    private Map<String, List<String>> activeComponents() {
        Map<String, List<String>> graph = new TreeMap<>();
        jdbc.query("""
                select v.sku, c.sku from components k
                join variants v on v.id = k.variant_id join variants c on c.id = k.component_variant_id
                where not k.removed order by 1, 2""", result -> {
            graph.computeIfAbsent(result.getString(1), sku -> new ArrayList<>()).add(result.getString(2));
        });
        return graph;
    }

    /** A depth-first walk; returns the SKUs of the first cycle met, the first SKU repeated last. */
    static Optional<List<String>> findCycle(Map<String, List<String>> graph) {
        Map<String, Walk> walks = new HashMap<>();
        for (String start : graph.keySet()) {
            Deque<Step> path = new ArrayDeque<>();
            visit(start, graph, path, walks);
            while (!path.isEmpty()) {
                Step step = path.peek();
                if (!step.components().hasNext()) {
                    walks.put(step.sku(), Walk.DONE);
                    path.pop();
                    continue;
                }
                String component = step.components().next();
                if (walks.get(component) == Walk.ON_PATH) {
                    return Optional.of(cycleOf(path, component));
                }
                visit(component, graph, path, walks);
            }
        }
        return Optional.empty();
    }

    private static void visit(String sku, Map<String, List<String>> graph, Deque<Step> path, Map<String, Walk> walks) {
        if (walks.putIfAbsent(sku, Walk.ON_PATH) == null) {
            path.push(new Step(sku, graph.getOrDefault(sku, List.of()).iterator()));
        }
    }

    private static List<String> cycleOf(Deque<Step> path, String repeated) {
        List<String> cycle = new ArrayList<>();
        for (Iterator<Step> steps = path.descendingIterator(); steps.hasNext(); ) {
            String sku = steps.next().sku();
            if (sku.equals(repeated) || !cycle.isEmpty()) {
                cycle.add(sku);
            }
        }
        cycle.add(repeated);
        return cycle;
    }

    /** The link of the cycle on the earliest line of this file; line 0 if none is in the file. */
    private Link firstLinkInFile(List<String> cycle, EntityStage stage) {
        Link first = new Link(0, 0);
        for (int i = 0; i + 1 < cycle.size(); i++) {
            Long line = jdbc.queryForObject(
                    "select min(line) from " + stage.table() + " where sku = ? and component_sku = ?",
                    Long.class,
                    cycle.get(i),
                    cycle.get(i + 1));
            if (line != null && (first.line() == 0 || line < first.line())) {
                first = new Link(i, line);
            }
        }
        return first;
    }

    /** The same cycle read from its link {@code index}, so the message starts at the reported row. */
    static List<String> startingAt(List<String> cycle, int index) {
        List<String> rotated = new ArrayList<>(cycle.subList(index, cycle.size() - 1));
        rotated.addAll(cycle.subList(0, index + 1));
        return rotated;
    }

    /** A link of a cycle: its position in the cycle and the line of the file that holds it. */
    private record Link(int index, long line) {}

    private enum Walk {
        ON_PATH,
        DONE
    }

    /** A SKU on the current path and the components not yet walked from it. */
    private record Step(String sku, Iterator<String> components) {}
}
