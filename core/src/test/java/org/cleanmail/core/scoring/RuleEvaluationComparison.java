package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.cleanmail.core.fingerprint.MeasurementLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rule evaluation of two builds of {@code core} side by side: the folder of each build's
 * classes ({@code -Dcleanmail.compare.a=DIR}, {@code -Dcleanmail.compare.b=DIR}, e.g. a copy
 * of {@code core/target/classes} made at each commit) is loaded in a class loader of its own,
 * both in one JVM, over the bench's rules and 300 messages ({@link EvaluationRounds}); each
 * message is evaluated by both in turn (the first alternating), so that both see the
 * machine alike: this machine's slow and fast spells last longer than a round over the
 * messages, which made a round each in turn read 0.889 to 1.054 for the same change.
 * After 4 rounds of warm-up, of 12 rounds each message's fastest evaluation on each side
 * is kept, and the figure is the median over the messages of B's time over A's. One JVM
 * favours one side by a few percent (two copies of one build gave 0.96), so
 * {@code -Dcleanmail.compare.jvms=N} (3) JVMs run in each order and the result is the
 * geometric mean of the 2N figures (each reverse one inverted): below 1, B is faster. Run
 * with {@code mvn -B -o -q -pl core verify -Dcleanmail.measure=true -Dtest=RuleEvaluationComparison
 * -Dcleanmail.compare.a=... -Dcleanmail.compare.b=... -Dcleanmail.profile.rules=FILE} (the
 * synthetic rules {@code ./cleanmail bench --keep-rules FILE} kept; else generated); about
 * 90 s per JVM; result in {@code core/target/measurements/rule-evaluation-comparison.txt}.
 */
@EnabledIfSystemProperty(named = "cleanmail.measure", matches = "true")
class RuleEvaluationComparison {
    private static final int WARM_UP_ROUNDS = 4;
    private static final int ROUNDS = 12;

    @Test
    void compareTwoBuilds() throws Exception {
        String a = System.getProperty("cleanmail.compare.a");
        String b = System.getProperty("cleanmail.compare.b");
        assertThat(a).as("-Dcleanmail.compare.a=DIR (one build's core classes)").isNotNull();
        assertThat(b).as("-Dcleanmail.compare.b=DIR (the other build's core classes)").isNotNull();
        int jvms = Integer.getInteger("cleanmail.compare.jvms", 3);
        MeasurementLog log = new MeasurementLog("rule-evaluation-comparison");
        log.line("A %s, B %s; %d JVMs in each order, %d rounds each after %d of warm-up", a, b, jvms, ROUNDS,
            WARM_UP_ROUNDS);
        double logSum = 0;
        for (int run = 1; run <= jvms; run++) {
            double forward = inChildJvm(a, b);
            double reverse = inChildJvm(b, a);
            log.line("run %d: B over A %.3f; A over B (the reverse order) %.3f", run, forward, reverse);
            logSum += Math.log(forward) - Math.log(reverse);
        }
        log.line("B over A, geometric mean of %d: %.3f", 2 * jvms, Math.exp(logSum / (2 * jvms)));
    }

    /** Runs {@link #main} in a JVM of its own, this test's class path and properties; its figure. */
    private static double inChildJvm(String first, String second) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx8g"));
        String rules = System.getProperty("cleanmail.profile.rules");
        if (rules != null) {
            command.add("-Dcleanmail.profile.rules=" + rules);
        }
        Path figure = Files.createTempFile("rule-evaluation-comparison", ".txt");
        try {
            command.addAll(List.of("-cp", testClassPath(), RuleEvaluationComparison.class.getName(), first, second,
                figure.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.MINUTES);
            String written = Files.readString(figure).trim();
            if (written.isEmpty()) {
                throw new IllegalStateException("the comparison gave no figure:\n" + output);
            }
            return Double.parseDouble(written);
        } finally {
            Files.deleteIfExists(figure);
        }
    }

    /** The test class path (Surefire's, where it runs from a manifest-only jar). */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * {@code A_DIR B_DIR FILE}: both builds in this JVM, each in a class loader over its
     * classes, this project's test classes and the dependencies; writes B's time over A's to the file.
     */
    public static void main(String[] args) throws Exception {
        String ownClasses = Path.of("target", "classes").toAbsolutePath().toString();
        String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
        List<URL> dependencies = new ArrayList<>();
        for (String entry : testClassPath().split(File.pathSeparator)) {
            String absolute = Path.of(entry).toAbsolutePath().toString();
            if (!entry.isEmpty() && !absolute.equals(ownClasses) && !absolute.equals(testClasses)) {
                dependencies.add(Path.of(entry).toUri().toURL());
            }
        }
        ClassLoader shared = new URLClassLoader(dependencies.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Side sideA = new Side(new URLClassLoader(urls(args[0], testClasses), shared));
        Side sideB = new Side(new URLClassLoader(urls(args[1], testClasses), shared));
        int messages = sideA.messages();
        long[] fastestA = new long[messages];
        long[] fastestB = new long[messages];
        Arrays.fill(fastestA, Long.MAX_VALUE);
        Arrays.fill(fastestB, Long.MAX_VALUE);
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            for (int i = 0; i < messages; i++) {
                // each message on both sides in turn, the first side alternating: both see the machine alike
                long timeA;
                long timeB;
                if ((round + i) % 2 == 0) {
                    timeA = sideA.evaluate(i);
                    timeB = sideB.evaluate(i);
                } else {
                    timeB = sideB.evaluate(i);
                    timeA = sideA.evaluate(i);
                }
                if (round >= WARM_UP_ROUNDS) {
                    fastestA[i] = Math.min(fastestA[i], timeA);
                    fastestB[i] = Math.min(fastestB[i], timeB);
                }
            }
        }
        double[] ratios = new double[fastestA.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = (double) fastestB[i] / Math.max(1, fastestA[i]);
        }
        Arrays.sort(ratios);
        Files.writeString(Path.of(args[2]), String.format(Locale.ROOT, "%.4f%n", ratios[ratios.length / 2]));
    }

    private static URL[] urls(String classes, String testClasses) throws IOException {
        return new URL[] {Path.of(classes).toUri().toURL(), Path.of(testClasses).toUri().toURL()};
    }

    /** One build's {@link EvaluationRounds}, reached by reflection through its class loader. */
    private static final class Side {
        private final Object rounds;
        private final Method evaluate;
        private final int messages;

        Side(ClassLoader loader) throws ReflectiveOperationException {
            Class<?> type = loader.loadClass(EvaluationRounds.class.getName());
            this.rounds = type.getConstructor().newInstance();
            this.evaluate = type.getMethod("evaluate", int.class);
            this.messages = (Integer) type.getMethod("messages").invoke(rounds);
        }

        int messages() {
            return messages;
        }

        long evaluate(int message) throws ReflectiveOperationException {
            return (Long) evaluate.invoke(rounds, message);
        }
    }
}
