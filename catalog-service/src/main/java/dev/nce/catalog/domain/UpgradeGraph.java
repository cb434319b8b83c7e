package dev.nce.catalog.domain;

import dev.nce.contracts.RuleViolation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upgrade paths form a directed graph over offers (R-I: Basic -> Standard -> Premium). A path back to the source would
 * make a downgrade look like an upgrade, so the graph must stay acyclic. Since it was acyclic before a change, any new
 * cycle passes through the changed offer: it is enough to search from its targets for the offer itself.
 */
public final class UpgradeGraph {

    private final Map<String, List<String>> edges;

    /** {@code edges}: every offer's upgrade paths as stored (the changed offer's entry is replaced by {@link #check}). */
    public UpgradeGraph(Map<String, List<String>> edges) {
        this.edges = new HashMap<>(edges);
    }

    /** 400 validation-failed on the first target of {@code offerId} that leads back to it, naming the cycle. */
    public void check(String offerId, List<String> upgradePaths) {
        edges.put(offerId, upgradePaths);
        for (int i = 0; i < upgradePaths.size(); i++) {
            List<String> cycle = pathBack(upgradePaths.get(i), offerId);
            if (!cycle.isEmpty()) {
                List<String> shown = new ArrayList<>();
                shown.add(offerId);
                shown.addAll(cycle);
                throw RuleViolation.invalidField("upgradePaths[" + i + "]",
                        "upgrade paths would form a cycle: " + String.join(" -> ", shown));
            }
        }
    }

    /** The path from {@code from} to {@code target} (both included), empty when there is none. */
    private List<String> pathBack(String from, String target) {
        Map<String, String> parent = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(from);
        seen.add(from);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            if (node.equals(target)) {
                List<String> path = new ArrayList<>();
                for (String n = node; n != null; n = parent.get(n)) {
                    path.add(0, n);
                }
                return path;
            }
            for (String next : edges.getOrDefault(node, List.of())) {
                if (seen.add(next)) {
                    parent.put(next, node);
                    queue.add(next);
                }
            }
        }
        return List.of();
    }
}
