package org.cleanmail.core.rules.meta;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order in which meta rules are evaluated, computed once per rule set.
 *
 * <p>A meta that reads another meta comes after it. Metas that take part in a cycle
 * ({@code A} reads {@code B} reads {@code A}) cannot be evaluated: they are left out of
 * the order and listed by {@link #cycles()}; a meta that reads one of them sees 0.
 * References to rules that are neither a known rule nor an evaluable meta are listed by
 * {@link #unknownReferences()} and read as 0.
 *
 * <p>Immutable and thread-safe; the cycle search is iterative (Tarjan's algorithm), so a
 * long chain of metas cannot exhaust the stack.
 */
public final class MetaEvaluationPlan {
    private final Map<String, MetaExpression> metas;
    private final Set<String> otherRules;
    private final List<String> order;
    private final Map<String, List<String>> cycles;
    private final Map<String, Set<String>> unknownReferences;

    private MetaEvaluationPlan(Map<String, MetaExpression> metas, Set<String> otherRules, List<String> order,
                               Map<String, List<String>> cycles, Map<String, Set<String>> unknownReferences) {
        this.metas = metas;
        this.otherRules = Set.copyOf(otherRules);
        this.order = List.copyOf(order);
        this.cycles = Collections.unmodifiableMap(cycles);
        this.unknownReferences = Collections.unmodifiableMap(unknownReferences);
    }

    /**
     * Plans the evaluation of {@code metas} (name to expression), where {@code otherRules}
     * are the names of the non-meta rules that a message can hit.
     */
    public static MetaEvaluationPlan of(Map<String, MetaExpression> metas, Set<String> otherRules) {
        Map<String, MetaExpression> sorted = Collections.unmodifiableMap(new TreeMap<>(metas));
        List<List<String>> components = new StronglyConnected(sorted).components();
        List<String> order = new ArrayList<>();
        Map<String, List<String>> cycles = new TreeMap<>();
        for (List<String> component : components) {
            String single = component.get(0);
            if (component.size() == 1 && !sorted.get(single).references().contains(single)) {
                order.add(single);
            } else {
                List<String> members = new ArrayList<>(component);
                Collections.sort(members);
                for (String member : members) {
                    cycles.put(member, List.copyOf(members));
                }
            }
        }
        Set<String> evaluable = new HashSet<>(order);
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (Map.Entry<String, MetaExpression> meta : sorted.entrySet()) {
            Set<String> missing = new TreeSet<>();
            for (String reference : meta.getValue().references()) {
                if (!otherRules.contains(reference) && !evaluable.contains(reference)) {
                    missing.add(reference);
                }
            }
            if (!missing.isEmpty() && !cycles.containsKey(meta.getKey())) {
                unknown.put(meta.getKey(), Collections.unmodifiableSet(missing));
            }
        }
        return new MetaEvaluationPlan(sorted, otherRules, order, cycles, unknown);
    }

    /** Evaluable metas, each after every meta it reads. */
    public List<String> order() {
        return order;
    }

    /** Each meta caught in a cycle, with all the metas of its cycle. These are never evaluated. */
    public Map<String, List<String>> cycles() {
        return cycles;
    }

    /** Each evaluable meta that reads unknown or unevaluable rules, with those names. */
    public Map<String, Set<String>> unknownReferences() {
        return unknownReferences;
    }

    /**
     * Evaluates every meta in order, given the hit counts of the non-meta rules, and
     * returns the value of each meta (0 included), in evaluation order. Hits of names that
     * are not among the plan's other rules are ignored.
     */
    public Map<String, Double> evaluate(Map<String, ? extends Number> ruleHits) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String name : order) {
            double value = metas.get(name).evaluate(rule -> {
                Double meta = values.get(rule);
                if (meta != null) {
                    return meta;
                }
                Number hits = otherRules.contains(rule) ? ruleHits.get(rule) : null;
                return hits == null ? 0 : hits.doubleValue();
            });
            values.put(name, value);
        }
        return values;
    }

    /** Iterative Tarjan: components come out dependencies first. */
    private static final class StronglyConnected {
        private final Map<String, MetaExpression> metas;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<List<String>> components = new ArrayList<>();
        private int counter;

        StronglyConnected(Map<String, MetaExpression> metas) {
            this.metas = metas;
        }

        List<List<String>> components() {
            for (String root : metas.keySet()) {
                if (!index.containsKey(root)) {
                    visit(root);
                }
            }
            return components;
        }

        private void visit(String root) {
            Deque<String> path = new ArrayDeque<>();
            Deque<Iterator<String>> successors = new ArrayDeque<>();
            open(root, path, successors);
            while (!path.isEmpty()) {
                String node = path.peek();
                Iterator<String> next = successors.peek();
                if (next.hasNext()) {
                    String successor = next.next();
                    if (!metas.containsKey(successor)) {
                        continue;
                    }
                    if (!index.containsKey(successor)) {
                        open(successor, path, successors);
                    } else if (onStack.contains(successor)) {
                        low.put(node, Math.min(low.get(node), index.get(successor)));
                    }
                } else {
                    path.pop();
                    successors.pop();
                    if (low.get(node).equals(index.get(node))) {
                        closeComponent(node);
                    }
                    if (!path.isEmpty()) {
                        String parent = path.peek();
                        low.put(parent, Math.min(low.get(parent), low.get(node)));
                    }
                }
            }
        }

        private void open(String node, Deque<String> path, Deque<Iterator<String>> successors) {
            index.put(node, counter);
            low.put(node, counter);
            counter++;
            stack.push(node);
            onStack.add(node);
            path.push(node);
            successors.push(metas.get(node).references().iterator());
        }

        private void closeComponent(String root) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(root));
            components.add(component);
        }
    }
}
