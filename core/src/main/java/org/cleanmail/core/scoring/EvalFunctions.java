package org.cleanmail.core.scoring;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The {@code eval:} functions CleanMail implements, by SpamAssassin function name. Immutable. */
public final class EvalFunctions {
    private static final EvalFunctions NONE = new EvalFunctions(Map.of());

    private final Map<String, EvalFunction> functions;

    private EvalFunctions(Map<String, EvalFunction> functions) {
        this.functions = Map.copyOf(functions);
    }

    public static EvalFunctions none() {
        return NONE;
    }

    public static EvalFunctions of(Map<String, EvalFunction> functions) {
        return new EvalFunctions(functions);
    }

    public Optional<EvalFunction> get(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** Names to give the rule loader as implemented evals. */
    public Set<String> names() {
        return new TreeMap<>(functions).keySet();
    }

    /** These functions plus others; the others win on a name clash. */
    public EvalFunctions with(EvalFunctions others) {
        Map<String, EvalFunction> merged = new TreeMap<>(functions);
        merged.putAll(others.functions);
        return new EvalFunctions(merged);
    }
}
