package org.cleanmail.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A command's options ({@code --name value} or {@code --flag}) and its other arguments, checked against what it accepts. */
final class Arguments {
    private final Map<String, List<String>> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    Arguments(List<String> args, Set<String> valued, Set<String> flags) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            if (flags.contains(name)) {
                options.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--" + name + " needs a value");
                }
                options.computeIfAbsent(name, n -> new ArrayList<>()).add(args.get(++i));
            } else {
                throw new UsageException("unknown option " + arg);
            }
        }
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    Optional<String> value(String name) {
        List<String> values = options.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new UsageException("--" + name + " is given more than once");
        }
        return values.stream().findFirst();
    }

    List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    Optional<Double> number(String name) {
        return value(name).map(text -> {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a number, e.g. --" + name + " 5.0; got '" + text + "'");
            }
        });
    }

    List<Path> paths() {
        List<Path> paths = new ArrayList<>();
        positional.forEach(p -> paths.add(Path.of(p)));
        return paths;
    }
}
