package com.samplerlens.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds subgraph definitions that contain themselves, directly or through others, with one
 * iterative depth-first walk over "definition A has an instance of B" (linear in definitions plus
 * instances; no recursion, so 30,000 nested definitions cannot overflow the stack). Every cycle
 * gets at least one of its definitions marked (one that reaches itself), which is what stops
 * expansion from looping.
 */
final class SubgraphCycles {
    private SubgraphCycles() {}

    /**
     * @param ids      the subgraph definition ids
     * @param typesIn  for a definition, the node types it holds (some of them definition ids)
     */
    static Set<String> find(Set<String> ids, Function<String, List<String>> typesIn) {
        Set<String> marked = new HashSet<>();
        Map<String, Integer> state = new HashMap<>(); // 1 = on the walk's stack, 2 = done
        for (String start : ids) {
            if (state.containsKey(start)) continue;
            Deque<Iterator<String>> children = new ArrayDeque<>();
            List<String> stack = new ArrayList<>();
            enter(start, typesIn, ids, state, stack, children);
            while (!children.isEmpty()) {
                Iterator<String> it = children.peek();
                if (!it.hasNext()) {
                    String done = stack.removeLast();
                    state.put(done, 2);
                    children.pop();
                    continue;
                }
                String child = it.next();
                Integer s = state.get(child);
                if (s == null) {
                    enter(child, typesIn, ids, state, stack, children);
                } else if (s == 1) {
                    // a back edge: the child reaches itself; every cycle has such an edge, so
                    // marking its target is enough to stop expansion on every cycle
                    marked.add(child);
                }
            }
        }
        return marked;
    }

    private static void enter(String id, Function<String, List<String>> typesIn, Set<String> ids, Map<String, Integer> state,
                              List<String> stack, Deque<Iterator<String>> children) {
        state.put(id, 1);
        stack.add(id);
        children.push(typesIn.apply(id).stream().filter(ids::contains).distinct().iterator());
    }
}
