package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveRulesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final RawMessage PILLS = RawMessage.of(
        "Subject: cheap pills\r\n\r\nBuy cheap pills now\r\n".getBytes(StandardCharsets.UTF_8));
    private static final RawMessage GTUBE = RawMessage.of(("Subject: test\r\n\r\n"
        + "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n").getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path state;

    private LiveRules live(RuleSources sources) {
        return new LiveRules(sources, EvalFunctions.none(), ScoringOptions.defaults(), RuleLoadOptions.defaults(),
            MessageParser.defaultParser(), CLOCK);
    }

    private LiveRules live() {
        return live(RuleSources.of(List.of(), state.resolve("rules")));
    }

    @Test
    void builtInGtubeShouldBeLoadedWithoutShippedIndex() {
        LiveRules rules = live();

        assertThat(rules.scan(GTUBE).hitNames()).containsExactly("GTUBE");
        assertThat(rules.scan(GTUBE).score()).isEqualTo(1000.0);
        assertThat(rules.loadedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void putRuleShouldScoreTheNextMessageAndPersist() {
        LiveRules rules = live();

        rules.putRule("LOCAL_PILLS", "body LOCAL_PILLS /cheap pills/i\nscore LOCAL_PILLS 3.5\n"
            + "describe LOCAL_PILLS Pills, cheap");

        assertThat(rules.scan(PILLS).score()).isEqualTo(3.5);
        assertThat(live().rule("LOCAL_PILLS")).hasValueSatisfying(rule -> {
            assertThat(rule.type()).isEqualTo("body");
            assertThat(rule.score()).isEqualTo(3.5);
            assertThat(rule.description()).isEqualTo("Pills, cheap");
            assertThat(rule.runs()).isTrue();
        });
    }

    private LiveRules countingTwoMessages() {
        LiveRules rules = new LiveRules(RuleSources.of(List.of(), state.resolve("rules")), EvalFunctions.none(),
            ScoringOptions.builder().layoutMessages(2).build(), RuleLoadOptions.defaults(), MessageParser.defaultParser(),
            CLOCK);
        rules.putRule("LOCAL_PILLS", "body LOCAL_PILLS /cheap pills/i\nscore LOCAL_PILLS 3.5");
        return rules;
    }

    @Test
    void scansShouldLayTheRulesOutInTheBackgroundOnceCounted() throws InterruptedException {
        LiveRules rules = countingTwoMessages();
        ScanResult before = rules.scan(PILLS);
        assertThat(rules.engine().rules().layout().learned()).as("one message counted of two").isFalse();

        rules.scan(PILLS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!rules.engine().rules().layout().learned() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(rules.engine().rules().layout().first()).containsExactly("LOCAL_PILLS");
        assertThat(rules.scan(PILLS).hitNames()).isEqualTo(before.hitNames()).containsExactly("LOCAL_PILLS");
        assertThat(rules.layOutByUse()).as("laid out already").isFalse();
    }

    @Test
    void layOutByUseShouldCompileTheRulesRunFirstOnceCountedScoreAlikeAndKeepTheLayoutOnReload() {
        LiveRules rules = countingTwoMessages();
        // through the engine itself: LiveRules.scan would start the layout in the background
        ScanResult before = rules.engine().scan(PILLS);
        assertThat(rules.layOutByUse()).as("one message counted of two").isFalse();

        rules.engine().scan(PILLS);

        assertThat(rules.layOutByUse()).isTrue();
        assertThat(rules.engine().rules().layout().first()).containsExactly("LOCAL_PILLS");
        assertThat(rules.engine().rules().index("LOCAL_PILLS")).contains(0);
        assertThat(rules.scan(PILLS).hitNames()).isEqualTo(before.hitNames()).containsExactly("LOCAL_PILLS");
        assertThat(rules.scan(PILLS).score()).isEqualTo(before.score());
        assertThat(rules.layOutByUse()).as("laid out already").isFalse();

        rules.putRule("LOCAL_VIAGRA", "body LOCAL_VIAGRA /viagra/i\nscore LOCAL_VIAGRA 2");

        assertThat(rules.engine().rules().index("LOCAL_PILLS")).as("the layout kept on reload").contains(0);
        assertThat(rules.scan(GTUBE).hitNames()).containsExactly("GTUBE");
    }

    @Test
    void putRuleShouldReplaceItsEarlierDefinition() {
        LiveRules rules = live();
        rules.putRule("LOCAL_PILLS", "body LOCAL_PILLS /cheap pills/i\nscore LOCAL_PILLS 3.5");

        rules.putRule("LOCAL_PILLS", "body LOCAL_PILLS /viagra/i\nscore LOCAL_PILLS 3.5");

        assertThat(rules.scan(PILLS).hitNames()).isEmpty();
        assertThat(rules.rule("LOCAL_PILLS").orElseThrow().definition()).isEqualTo("/viagra/i");
    }

    @Test
    void ruleThatDoesNotTranslateShouldBeRefusedAndTheOldRulesStay() {
        LiveRules rules = live();
        rules.putRule("LOCAL_PILLS", "body LOCAL_PILLS /cheap pills/i");

        assertThatThrownBy(() -> rules.putRule("LOCAL_BAD", "body LOCAL_BAD /(unclosed/"))
            .isInstanceOf(RuleSetRejectedException.class)
            .satisfies(e -> assertThat(((RuleSetRejectedException) e).reasons()).singleElement().asString()
                .contains("LOCAL_BAD"));
        assertThat(rules.scan(PILLS).hitNames()).containsExactly("LOCAL_PILLS");
        assertThat(rules.rule("LOCAL_BAD")).isEmpty();
    }

    @Test
    void linesAboutAnotherRuleShouldBeRefused() {
        LiveRules rules = live();

        assertThatThrownBy(() -> rules.putRule("MINE", "body MINE /x/\nscore OTHER 3"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("each line must be about rule MINE, e.g. 'score MINE 1.0'; got 'score OTHER 3'");
    }

    @Test
    void setScoreShouldChangeTheScoreOfAnyRule() {
        LiveRules rules = live();

        rules.setScore("GTUBE", 50);

        assertThat(rules.scan(GTUBE).score()).isEqualTo(50.0);
        assertThat(live().scan(GTUBE).score()).isEqualTo(50.0);
    }

    @Test
    void deleteRuleShouldRemoveALocalRuleAndDisableARuleDefinedElsewhere() {
        LiveRules rules = live();
        rules.putRule("LOCAL_PILLS", "body LOCAL_PILLS /cheap pills/i");

        assertThat(rules.deleteRule("LOCAL_PILLS")).isTrue();
        assertThat(rules.deleteRule("GTUBE")).isTrue();
        assertThat(rules.deleteRule("NO_SUCH_RULE")).isFalse();

        assertThat(rules.rule("LOCAL_PILLS")).isEmpty();
        assertThat(rules.rule("GTUBE").orElseThrow().runs()).isFalse();
        assertThat(rules.scan(GTUBE).hitNames()).isEmpty();
    }

    @Test
    void changedFileShouldBeLoadedOnceItStopsChanging() throws Exception {
        LiveRules rules = live();
        Files.writeString(state.resolve("rules/50_pills.cf"), "body FILE_PILLS /pills/\n");

        boolean firstPoll = rules.checkForChanges();
        boolean secondPoll = rules.checkForChanges();

        assertThat(firstPoll).isFalse();
        assertThat(secondPoll).isTrue();
        assertThat(rules.scan(PILLS).hitNames()).containsExactly("FILE_PILLS");
        assertThat(rules.checkForChanges()).isFalse();
    }

    @Test
    void brokenFileShouldBeRefusedAndTheOldRulesStay() throws Exception {
        LiveRules rules = live();
        rules.putFile("50_pills.cf", "body FILE_PILLS /pills/\n");
        Files.writeString(state.resolve("rules/50_pills.cf"), "body FILE_PILLS /pills(/\n");

        assertThatThrownBy(rules::reload).isInstanceOf(RuleSetRejectedException.class)
            .hasMessageContaining("50_pills.cf:1");
        assertThat(rules.scan(PILLS).hitNames()).containsExactly("FILE_PILLS");
    }

    @Test
    void readOnlyFoldersShouldLoadBeforeTheWritableOne() throws Exception {
        Path stock = Files.createDirectories(state.resolve("stock"));
        Files.writeString(stock.resolve("10_stock.cf"), "body STOCK_PILLS /pills/\nscore STOCK_PILLS 1\n");
        LiveRules rules = live(RuleSources.of(List.of(stock), state.resolve("rules")).withoutShippedRules());

        rules.setScore("STOCK_PILLS", 4);

        assertThat(rules.scan(PILLS).score()).isEqualTo(4.0);
        assertThat(rules.rule("GTUBE")).isEmpty();
    }

    @Test
    void hitsSinceStartShouldSurviveAReload() {
        LiveRules rules = live();
        rules.scan(GTUBE);

        rules.reload();
        rules.scan(GTUBE);

        assertThat(rules.rule("GTUBE").orElseThrow().hits()).isEqualTo(2);
    }

    @Test
    void scansWhileSwappingShouldEachUseOneRuleSet() throws Exception {
        LiveRules rules = live();
        rules.putFile("70_both.cf", "body PART_ONE /cheap/\nbody PART_TWO /pills/\n");
        Set<Double> scores = ConcurrentHashMap.newKeySet();
        AtomicBoolean swapping = new AtomicBoolean(true);
        ExecutorService scanners = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> scans = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                scans.add(scanners.submit(() -> {
                    int count = 0;
                    while (swapping.get() || count < 100) {
                        ScanResult result = rules.scan(PILLS);
                        scores.add(result.score());
                        count++;
                    }
                    return count;
                }));
            }
            for (int version = 2; version < 12; version++) {
                rules.putFile("70_both.cf", "body PART_ONE /cheap/\nbody PART_TWO /pills/\nscore PART_ONE " + version
                    + "\nscore PART_TWO " + version + "\n");
            }
            swapping.set(false);
            for (Future<Integer> scan : scans) {
                assertThat(scan.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            scanners.shutdownNow();
        }
        assertThat(scores).allSatisfy(score -> assertThat(score.intValue() % 2).isZero());
        assertThat(rules.scan(PILLS).score()).isEqualTo(22.0);
    }
}
