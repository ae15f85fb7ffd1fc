package org.cleanmail.core.rules.sa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential check of the regex translation: every translated stock pattern is run by
 * Perl (on the original) and by Java (on the translation) over lines and multi-line
 * chunks of the public corpus, read as bytes, plus copies sprinkled with 8-bit bytes and
 * upper-cased; both must find the same matches.
 * CI installs spamassassin, hence Perl: a missing perl or corpus is a failure.
 */
class PerlAgreementTest {
    private static final Logger LOGGER = Logger.getLogger(PerlAgreementTest.class.getName());
    private static final Path STOCK_RULES = Path.of(System.getProperty("cleanmail.sa.rules", "/usr/share/spamassassin"));
    private static final Path CORPUS = Path.of(System.getProperty("cleanmail.corpus", "../../shared/corpus"))
        .resolve("spamassassin-public");
    private static final int MESSAGES_PER_LABEL = 40;
    private static final int MAX_SAMPLES = 900;
    private static final String PERL = """
        use strict; use warnings; no warnings 'regexp';
        my ($patterns, $samples) = @ARGV;
        open(my $sf, '<', $samples) or die; my @texts = map { chomp; pack('H*', $_) } <$sf>; close $sf;
        open(my $pf, '<', $patterns) or die;
        while (my $line = <$pf>) {
          chomp $line; my ($name, $hex) = split /\\t/, $line; my $lit = pack('H*', $hex); my $mods;
          if ($lit =~ s{^/}{}) { $lit =~ s{/([a-z]*)\\z}{} or die $name; $mods = $1; }
          elsif ($lit =~ s/^(?:m|qr)([\\{\\(\\<\\[])//) { (my $e = $1) =~ tr/\\{\\(\\<\\[/\\}\\)\\>\\]/;
            $lit =~ s/\\Q$e\\E([a-z]*)\\z// or die $name; $mods = $1; }
          elsif ($lit =~ s/^(?:m|qr)(\\W)//) { my $e = $1; $lit =~ s/\\Q$e\\E([a-z]*)\\z// or die $name; $mods = $1; }
          $mods =~ s/[go]//g;
          my $re = eval { $mods ? qr/(?$mods)$lit/ : qr/$lit/ };
          if (!$re) { print "$name ERROR\\n"; next; }
          my @hits = grep { $texts[$_] =~ $re } 0 .. $#texts;
          print join(' ', $name, @hits), "\\n";
        }
        """;

    @TempDir
    Path work;

    @Test
    void perlAndJavaShouldFindTheSameMatchesForEveryStockPattern() throws IOException, InterruptedException {
        assertThat(Files.isDirectory(STOCK_RULES)).as("stock rules expected in %s (apt-get install spamassassin)",
            STOCK_RULES).isTrue();
        assertThat(Files.isDirectory(CORPUS)).as("corpus expected in %s (-Dcleanmail.corpus)", CORPUS).isTrue();
        RuleSet rules = new SpamAssassinRuleLoader(RuleLoadOptions.builder().plugins(Set.of("HeaderEval")).build())
            .loadDirectory(STOCK_RULES);
        List<RuleDefinition> patterns = rules.rules().values().stream().filter(rule -> rule.pattern().isPresent())
            .collect(Collectors.toList());
        List<String> samples = samples();
        HexFormat hex = HexFormat.of();
        Path patternFile = work.resolve("patterns.tsv");
        Path sampleFile = work.resolve("samples.hex");
        Path scriptFile = work.resolve("agree.pl");
        Files.write(patternFile, patterns.stream().map(rule -> rule.name() + "\t"
            + hex.formatHex(rule.pattern().orElseThrow().original().getBytes(StandardCharsets.ISO_8859_1)))
            .collect(Collectors.toList()));
        Files.write(sampleFile, samples.stream().map(text -> hex.formatHex(text.getBytes(StandardCharsets.ISO_8859_1)))
            .collect(Collectors.toList()));
        Files.writeString(scriptFile, PERL);

        Map<String, String> perlHits = runPerl(scriptFile, patternFile, sampleFile);
        List<String> disagreements = new ArrayList<>();
        int patternsWithHits = 0;
        for (RuleDefinition rule : patterns) {
            List<String> hits = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                if (rule.pattern().orElseThrow().pattern().matcher(samples.get(i)).find()) {
                    hits.add(String.valueOf(i));
                }
            }
            patternsWithHits += hits.isEmpty() ? 0 : 1;
            String javaHits = String.join(" ", hits);
            if (!javaHits.equals(perlHits.get(rule.name()))) {
                disagreements.add(rule.name() + " " + rule.pattern().orElseThrow().original() + ": java [" + javaHits
                    + "] perl [" + perlHits.get(rule.name()) + "]");
            }
        }
        int withHits = patternsWithHits;
        LOGGER.info(() -> patterns.size() + " patterns x " + samples.size() + " samples, " + withHits
            + " patterns matching something, " + disagreements.size() + " disagreements");
        assertThat(disagreements).as("patterns where Java and Perl disagree").isEmpty();
    }

    private static Map<String, String> runPerl(Path script, Path patterns, Path samples)
        throws IOException, InterruptedException {
        Path output = script.resolveSibling("perl.out");
        Process perl = new ProcessBuilder("perl", script.toString(), patterns.toString(), samples.toString())
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        assertThat(perl.waitFor(5, TimeUnit.MINUTES)).as("perl finished").isTrue();
        assertThat(perl.exitValue()).as("perl exit code").isZero();
        Map<String, String> hits = new HashMap<>();
        for (String line : Files.readAllLines(output, StandardCharsets.ISO_8859_1)) {
            int space = line.indexOf(' ');
            hits.put(space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1));
        }
        return hits;
    }

    /** Lines and 7-line chunks (newlines kept) of the first messages of each label, read as bytes. */
    private static List<String> samples() throws IOException {
        List<String> samples = new ArrayList<>();
        for (String label : List.of("spam", "ham")) {
            List<Path> messages;
            try (Stream<Path> files = Files.list(CORPUS.resolve(label))) {
                messages = files.sorted().limit(MESSAGES_PER_LABEL).collect(Collectors.toList());
            }
            for (Path message : messages) {
                String[] lines = new String(Files.readAllBytes(message), StandardCharsets.ISO_8859_1).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    samples.add(lines[i] + "\n");
                    if (i % 7 == 0) {
                        samples.add(String.join("\n", List.of(lines).subList(i, Math.min(lines.length, i + 7))));
                    }
                }
            }
        }
        List<String> unique = List.copyOf(new LinkedHashSet<>(samples));
        int step = Math.max(1, unique.size() / MAX_SAMPLES);
        List<String> spread = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < unique.size() && spread.size() < MAX_SAMPLES; i += step) {
            spread.add(unique.get(i));
            if (i % 3 == 0) {
                spread.add(withEightBitBytes(unique.get(i), random));
            }
        }
        return spread;
    }

    /** A copy with some chars replaced by bytes where Perl and Java are most likely to differ. */
    private static String withEightBitBytes(String text, Random random) {
        char[] tricky = {0xC3, 0xA4, 0xE9, 0xC9, 0x85, 0xA0, 0x0B, 0x0D, 0xFF, 0xB5};
        char[] chars = (random.nextBoolean() ? text.toUpperCase(Locale.ROOT) : text).toCharArray();
        for (int i = 0; i < chars.length / 8 + 1 && chars.length > 0; i++) {
            chars[random.nextInt(chars.length)] = tricky[random.nextInt(tricky.length)];
        }
        return new String(chars);
    }
}
