package org.cleanmail.core.scoring.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;

/** CleanMail's shipped rule files, read from the class path as listed in index.txt. */
final class CleanMailRuleFiles {
    private static final String FOLDER = "/org/cleanmail/core/rules/cleanmail/";

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
            .implementedEvals(StandardEvalFunctions.names()).build()).loadText("cleanmail.cf", text.toString());
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
