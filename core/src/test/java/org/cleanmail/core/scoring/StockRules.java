package org.cleanmail.core.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;

/** The stock SpamAssassin rules as Debian installs them, and samples of the public corpus, for measurements. */
final class StockRules {
    static final Path FOLDER = Path.of(System.getProperty("cleanmail.sa.rules", "/usr/share/spamassassin"));
    /** The plugins Debian's spamassassin package loads (/etc/spamassassin/*.pre). */
    static final Set<String> DEBIAN_PLUGINS = Set.of("URIDNSBL", "SPF", "Rule2XSBody", "Pyzor", "Razor2",
        "SpamCop", "AutoLearnThreshold", "WelcomeListSubject", "MIMEHeader", "ReplaceTags", "DKIM", "Check",
        "HTTPSMismatch", "URIDetail", "Bayes", "BodyEval", "DNSEval", "HTMLEval", "HeaderEval", "MIMEEval",
        "RelayEval", "URIEval", "WLBLEval", "VBounce", "ImageInfo", "FreeMail", "AskDNS", "HashBL", "DMARC");

    private StockRules() {
    }

    static RuleSet load(EvalFunctions evals) {
        return loader(evals).loadDirectory(FOLDER);
    }

    static SpamAssassinRuleLoader loader(EvalFunctions evals) {
        return new SpamAssassinRuleLoader(RuleLoadOptions.builder().plugins(DEBIAN_PLUGINS)
            .implementedEvals(evals.names()).build());
    }

    /** The stock rules, then one more rule file (synthetic rules, say), as a site folder would add it. */
    static RuleSet loadWith(Path extraFile, EvalFunctions evals) {
        List<Path> files = new ArrayList<>(ruleFiles());
        files.add(extraFile);
        return loader(evals).loadFiles(files);
    }

    /** The stock {@code .cf} files in the order SpamAssassin reads them. */
    static List<Path> ruleFiles() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".cf")).sorted()
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path corpus() {
        return Path.of(System.getProperty("cleanmail.corpus", "../../shared/corpus"), "spamassassin-public");
    }

    /** Every message of a label ({@code ham}, {@code spam}), sorted. */
    static List<Path> allMessages(String label) {
        try (Stream<Path> files = Files.list(corpus().resolve(label))) {
            return files.filter(path -> path.getFileName().toString().endsWith(".eml")).sorted()
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Odd-numbered messages of a label, every {@code step}-th of them, at most {@code max}. */
    static List<Path> oddSample(String label, int step, int max) {
        try (Stream<Path> files = Files.list(corpus().resolve(label))) {
            List<Path> odd = files.filter(path -> path.getFileName().toString().matches("\\d*[13579]\\.eml"))
                .sorted()
                .collect(Collectors.toList());
            List<Path> sample = new ArrayList<>();
            for (int i = 0; i < odd.size() && sample.size() < max; i += step) {
                sample.add(odd.get(i));
            }
            return sample;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
