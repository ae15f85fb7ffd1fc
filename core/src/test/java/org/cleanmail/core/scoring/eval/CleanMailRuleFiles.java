package org.cleanmail.core.scoring.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cleanmail.core.bayes.BayesFilter;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;

/** CleanMail's shipped rule files, read from the class path as listed in index.txt. */
final class CleanMailRuleFiles {
    private static final String FOLDER = "/org/cleanmail/core/rules/cleanmail/";

    /** The evals the engine implements: the standard functions and the Bayes filter's. */
    private static final Set<String> ENGINE_EVALS = Stream.concat(StandardEvalFunctions.names().stream(),
        Stream.of(BayesFilter.CHECK_BAYES)).collect(Collectors.toUnmodifiableSet());

    private CleanMailRuleFiles() {
    }

    static List<String> names() throws IOException {
        return read("index.txt").lines().map(String::trim).filter(line -> !line.isEmpty())
            .collect(Collectors.toList());
    }

    /** Every listed file, loaded as SpamAssassin's loader does with these eval functions. */
    static RuleSet load() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : names()) {
            text.append(read(name)).append('\n');
        }
        return new SpamAssassinRuleLoader(RuleLoadOptions.builder()
            .implementedEvals(ENGINE_EVALS).build()).loadText("cleanmail.cf", text.toString());
    }

    static String read(String name) throws IOException {
        try (InputStream in = CleanMailRuleFiles.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new AssertionError("missing rule file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
