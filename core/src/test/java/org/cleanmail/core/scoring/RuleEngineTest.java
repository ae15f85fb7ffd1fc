package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
    private static final String MESSAGE = String.join("\r\n",
        "From: \"Sales Team\" <sales@spammer.example>",
        "To: bob@example.com",
        "Cc: carol@example.com",
        "Subject: Cheap pills today",
        "Message-Id: <abc@spammer.example>",
        "Content-Type: text/html; charset=utf-8",
        "",
        "<html><body><p>Buy cheap pills now</p><p>Visit <a href=\"http://pills.example/buy\">us</a></p>",
        "<p>pills pills pills</p></body></html>",
        "");

    static RuleEngine engine(String rules) {
        return engine(rules, EvalFunctions.none(), ScoringOptions.defaults());
    }

    static RuleEngine engine(String rules, EvalFunctions evals, ScoringOptions options) {
        RuleSet ruleSet = new SpamAssassinRuleLoader(RuleLoadOptions.builder().implementedEvals(evals.names()).build())
            .loadText("test.cf", rules);
        return new RuleEngine(CompiledRuleSet.compile(ruleSet, evals, options), MessageParser.defaultParser(),
            new RuleHitCounters());
    }

    static ScanResult scan(RuleEngine engine, String message) {
        return engine.scan(RawMessage.of(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class HeaderRules {
        @Test
        void headerRuleShouldMatchTheDecodedValue() {
            RuleEngine engine = engine("header CHEAP_SUBJ Subject =~ /\\bcheap\\b/i\nscore CHEAP_SUBJ 2.5\n"
                + "describe CHEAP_SUBJ Subject says cheap\n");

            assertThat(scan(engine, MESSAGE).hits()).containsExactly(new RuleHit("CHEAP_SUBJ", 2.5, "Subject says cheap"));
        }

        @Test
        void headerValueShouldEndWithANewlineAsInSpamAssassin() {
            RuleEngine engine = engine("header SUBJ_END Subject =~ /today\\n/\n");

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("SUBJ_END");
        }

        @Test
        void negatedRuleShouldFireWhenThePatternDoesNotMatch() {
            RuleEngine engine = engine("header NO_DATE Date !~ /\\d/\nheader HAS_SUBJ Subject !~ /pills/\n");

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("NO_DATE");
        }

        @Test
        void negatedRuleShouldNotRunItsExpressionWhenNoneOfItsLiteralsOccurs() {
            RuleEngine engine = engine(String.join("\n", "header NOT_CASINO Subject !~ /casino\\w*/i",
                "header NOT_PILLS Subject !~ /pills\\w*/i", "header UNSET_CASINO Subject =~ /casino\\w*/ [if-unset: casino]",
                ""));

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("NOT_CASINO");
            assertThat(engine.regexRuns()).isEqualTo(1);
        }

        @Test
        void existsShouldTestPresence() {
            RuleEngine engine = engine("header HAS_CC exists:Cc\nheader HAS_XM exists:X-Mailer\n");

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("HAS_CC");
        }

        @Test
        void ifUnsetShouldBeMatchedWhenTheHeaderIsAbsent() {
            RuleEngine engine = engine("header UNSET X-Mailer =~ /^UNSET$/ [if-unset: UNSET]\n");

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("UNSET");
        }

        @Test
        void pseudoHeadersAndModifiersShouldSelectAsSpamAssassin() {
            RuleEngine engine = engine(String.join("\n",
                "header TOCC ToCc =~ /bob\\@example\\.com\\ncarol/",
                "header MSGID MESSAGEID =~ /abc\\@spammer/",
                "header ALLH ALL =~ /^Cc: carol/m",
                "header FROM_ADDR From:addr =~ /^sales\\@spammer\\.example$/",
                "header FROM_NAME From:name =~ /^Sales Team$/",
                "header RAW_SUBJ Subject:raw =~ /Cheap pills/",
                ""));

            assertThat(scan(engine, MESSAGE).hitNames())
                .containsExactly("ALLH", "FROM_ADDR", "FROM_NAME", "MSGID", "RAW_SUBJ", "TOCC");
        }

        @Test
        void hugeHeaderShouldBeCappedAndNeverCrashTheScan() {
            String huge = MESSAGE.replace("Subject: Cheap pills today\r\n",
                "Subject: Cheap pills today\r\nX-Huge: " + "a".repeat(238_000) + "\r\n");
            RuleEngine engine = engine("header LONG X-Huge =~ /(a|aa)+$/\nheader CHEAP Subject =~ /cheap/i\n"
                + "header ALL_LONG ALL =~ /(?:a|b)*c/\n");

            ScanResult result = scan(engine, huge);

            assertThat(result.hitNames()).contains("CHEAP");
        }
    }

    @Nested
    class BodyRules {
        @Test
        void bodyRuleShouldSeeTheSubjectAndRenderedText() {
            RuleEngine engine = engine("body BUY_NOW /buy cheap pills now/i\nbody SUBJ_IN_BODY /^Cheap pills today$/\n");

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("BUY_NOW", "SUBJ_IN_BODY");
        }

        @Test
        void nosubjectBodyRuleShouldNotSeeTheSubject() {
            RuleEngine engine = engine("body SUBJ_PILLS /cheap pills today/i\n"
                + "body BODY_ONLY /cheap pills today/i\ntflags BODY_ONLY nosubject\n"
                + "body NONEMPTY /\\S/\ntflags NONEMPTY nosubject\n");
            String emptyBody = "Subject: Cheap pills today\r\nFrom: a@example.com\r\n\r\n\r\n";

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactlyInAnyOrder("SUBJ_PILLS", "NONEMPTY");
            assertThat(scan(engine, emptyBody).hitNames()).containsExactly("SUBJ_PILLS");
        }

        @Test
        void rawbodyRuleShouldSeeTheHtml() {
            RuleEngine engine = engine("rawbody HTML_P /<p>Buy/\nbody NO_TAGS_IN_BODY /<p>Buy/\n");

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("HTML_P");
        }

        @Test
        void evaluateShouldCountMultipleHitsUpToMaxhits() {
            RuleEngine engine = engine(String.join("\n",
                "body __PILLS /pills/", "tflags __PILLS multiple maxhits=4",
                "body __PILLS_ONCE /pills/",
                "meta MANY_PILLS __PILLS >= 4", "meta FIVE_PILLS __PILLS >= 5", "meta ONCE_ONLY __PILLS_ONCE >= 2",
                ""));

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("MANY_PILLS");
        }

        @Test
        void multipleRuleShouldScoreEachHit() {
            RuleEngine engine = engine("body PILLS /pills/\ntflags PILLS multiple maxhits=3\nscore PILLS 0.5\n");

            assertThat(scan(engine, MESSAGE).score()).isEqualTo(1.5);
        }

        @Test
        void nonAsciiTextShouldBeMatchedAsUtf8Bytes() {
            String message = "Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGr\u00fc\u00dfe\r\n";
            RuleEngine engine = engine("body GRUSS /Gr\\xc3\\xbc\\xc3\\x9fe/\n");

            assertThat(scan(engine, message).hitNames()).containsExactly("GRUSS");
        }

        @Test
        void gtubeShouldScoreAThousand() {
            String message = "Subject: test\r\n\r\nXJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n";
            RuleEngine engine = engine(LiveRules.BUILT_IN_GTUBE);

            assertThat(scan(engine, message).score()).isEqualTo(1000.0);
        }
    }

    @Nested
    class OtherTargets {
        @Test
        void uriRuleShouldMatchEachUri() {
            RuleEngine engine = engine("uri PILLS_URI /^http:\\/\\/pills\\.example\\//\n");

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("PILLS_URI");
        }

        @Test
        void fullRuleShouldMatchTheWholeMessage() {
            RuleEngine engine = engine("full HTML_CT /Content-Type: text\\/html.*<html>/s\n");

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("HTML_CT");
        }

        @Test
        void evalRuleShouldCallItsJavaFunctionWithTheArguments() {
            EvalFunctions evals = EvalFunctions.of(Map.of("check_cc_count",
                (features, arguments) -> features.headers().values("Cc").size() >= Integer.parseInt(arguments.get(0))));
            RuleEngine engine = engine("header ONE_CC eval:check_cc_count('1')\nheader TWO_CC eval:check_cc_count('2')\n",
                evals, ScoringOptions.defaults());

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("ONE_CC");
        }

        @Test
        void evalRuleWithoutFunctionShouldBeSkippedAndReported() {
            RuleEngine engine = engine("header MISSING eval:check_something_else()\nmeta USES_MISSING !MISSING\n");

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("USES_MISSING");
            assertThat(engine.unusedRules()).extracting(UnusedRule::name).containsExactly("MISSING");
            assertThat(engine.unusedRules().get(0).reason()).contains("check_something_else");
        }

        @Test
        void subRulesShouldFeedMetasWithoutScoring() {
            RuleEngine engine = engine(String.join("\n",
                "body __CHEAP /cheap/i", "header __FROM_SALES From =~ /sales/",
                "meta CHEAP_SALES __CHEAP && __FROM_SALES", "score CHEAP_SALES 3", ""));

            ScanResult result = scan(engine, MESSAGE);

            assertThat(result.hitNames()).containsExactly("CHEAP_SALES");
            assertThat(result.score()).isEqualTo(3.0);
        }

        @Test
        void zeroScoreRuleShouldNotRunAndMetasShouldSeeZero() {
            RuleEngine engine = engine("body CHEAP /cheap/i\nscore CHEAP 0\nmeta NOT_CHEAP !CHEAP\n");

            assertThat(scan(engine, MESSAGE).hitNames()).containsExactly("NOT_CHEAP");
        }
    }

    @Nested
    class HostileRules {
        /** "ab" after six a's lets the text through the rule's filter; "bc" fails its \b after a very long search. */
        private static final String BACKTRACKING = "Subject: x\r\n\r\n" + "a".repeat(40) + "bc!\r\n";
        private static final String ORDINARY = "Subject: x\r\n\r\nx marks the spot\r\n";

        @Test
        void ruleExceedingItsBudgetShouldBeStoppedAndTheMessageScoredWithoutIt() {
            RuleEngine engine = engine("body BACKTRACK /(.*a){6}b\\b/\nbody SANE /x/\n", EvalFunctions.none(),
                ScoringOptions.builder().ruleBudget(100_000).build());

            ScanResult result = scan(engine, BACKTRACKING);

            assertThat(result.hitNames()).containsExactly("SANE");
            assertThat(engine.unusedRules()).singleElement().satisfies(rule -> {
                assertThat(rule.name()).isEqualTo("BACKTRACK");
                assertThat(rule.reason()).startsWith("failed, still enabled (disabled after 3 failures within 1000 "
                    + "messages): work budget");
                assertThat(rule.count()).isEqualTo(1);
            });
        }

        @Test
        void textTheRulesFilterRulesOutShouldNotBeSearched() {
            RuleEngine engine = engine("body BACKTRACK /(.*a){6}b\\b/\nbody SANE /x/\n", EvalFunctions.none(),
                ScoringOptions.builder().ruleBudget(100_000).build());

            // no "b" after six a's: no match can be there, and the pattern does not run
            ScanResult result = scan(engine, "Subject: x\r\n\r\n" + "a".repeat(40) + "!\r\n");

            assertThat(result.hitNames()).containsExactly("SANE");
            assertThat(engine.unusedRules()).isEmpty();
        }

        @Test
        void ruleFailingOnMessageAfterMessageShouldBeDisabledQuickly() {
            RuleEngine engine = engine("body BACKTRACK /(.*a){6}b\\b/\nbody SANE /x/\n", EvalFunctions.none(),
                ScoringOptions.builder().ruleBudget(100_000).build());

            for (int i = 0; i < 3; i++) {
                assertThat(scan(engine, BACKTRACKING).hitNames()).containsExactly("SANE");
            }
            long runsBefore = engine.regexRuns();
            assertThat(scan(engine, BACKTRACKING).hitNames()).containsExactly("SANE");

            assertThat(engine.regexRuns() - runsBefore).as("the disabled rule no longer runs").isEqualTo(1);
            assertThat(engine.unusedRules()).singleElement().satisfies(rule -> {
                assertThat(rule.reason()).startsWith("disabled (failed on 3 of 1000 consecutive messages): work budget");
                assertThat(rule.count()).isEqualTo(3);
            });
        }

        @Test
        void ruleFailingRarelyShouldStayEnabled() {
            RuleEngine engine = engine("body BACKTRACK /(.*a){6}b\\b/\nbody SANE /x/\n", EvalFunctions.none(),
                ScoringOptions.builder().ruleBudget(100_000).strikesBeforeDisabling(2).strikeWindow(3).build());

            for (int round = 0; round < 3; round++) {
                scan(engine, BACKTRACKING);
                scan(engine, ORDINARY);
                scan(engine, ORDINARY);
            }

            assertThat(engine.unusedRules()).singleElement().satisfies(rule -> {
                assertThat(rule.reason()).startsWith("failed, still enabled");
                assertThat(rule.count()).isEqualTo(3);
            });
            assertThat(scan(engine, "Subject: x\r\n\r\naaaaaab\r\n").hitNames()).contains("BACKTRACK");
        }

        @Test
        void singleStrikePolicyShouldDisableAtTheFirstFailure() {
            RuleEngine engine = engine("body BACKTRACK /(.*a){6}b\\b/\nbody SANE /x/\n", EvalFunctions.none(),
                ScoringOptions.builder().ruleBudget(100_000).strikesBeforeDisabling(1).build());

            scan(engine, BACKTRACKING);

            assertThat(engine.unusedRules()).singleElement()
                .satisfies(rule -> assertThat(rule.reason()).startsWith("disabled (failed on 1 of 1000"));
        }

        @Test
        void stackOverflowShouldDisableTheRule() {
            String message = "Subject: x\r\n\r\n" + "ab".repeat(200_000) + "\r\n";
            // without regular filters: DEEP's would rule the text out (no "c"), and the pattern would not run
            RuleEngine engine = engine("rawbody DEEP /(?:ab|ba)*c/\nrawbody SANE /abab/\n", EvalFunctions.none(),
                ScoringOptions.builder().regularFilters(false).build());

            for (int i = 0; i < ScoringOptions.DEFAULT_STRIKES_BEFORE_DISABLING; i++) {
                assertThat(scan(engine, message).hitNames()).containsExactly("SANE");
            }
            assertThat(engine.unusedRules()).extracting(UnusedRule::name).containsExactly("DEEP");
            assertThat(engine.unusedRules()).singleElement()
                .satisfies(rule -> assertThat(rule.reason()).startsWith("disabled"));
        }

        @Test
        void garbageMessageShouldScanWithoutThrowing() {
            byte[] garbage = new byte[100_000];
            new java.util.Random(42).nextBytes(garbage);
            RuleEngine engine = engine("body ANY /./\nheader H ALL =~ /x/\nfull F /\\x00/\n");

            assertThat(engine.scan(RawMessage.of(garbage)).hits()).isNotNull();
        }
    }

    @Test
    void hitCountersShouldCountEveryRuleThatFired() {
        RuleHitCounters counters = new RuleHitCounters();
        RuleSet rules = new SpamAssassinRuleLoader(RuleLoadOptions.defaults())
            .loadText("t.cf", "body CHEAP /cheap/i\nbody NEVER /zzzq/\n");
        RuleEngine engine = new RuleEngine(CompiledRuleSet.compile(rules, EvalFunctions.none(),
            ScoringOptions.defaults()), MessageParser.defaultParser(), counters);

        scan(engine, MESSAGE);
        scan(engine, MESSAGE);

        assertThat(counters.snapshot()).isEqualTo(Map.of("CHEAP", 2L));
        assertThat(counters.hits("NEVER")).isZero();
    }

    @Test
    void subRuleShouldRunOnlyWhenAMetaReadsIt() {
        RuleEngine engine = engine(String.join("\n", "body __COSTLY /p.l.s/", "body __NEVER_READ /c.e.p/",
            "header __NO_SUCH_HEADER X-Nothing =~ /./", "meta GATED __NO_SUCH_HEADER && __COSTLY",
            "meta READ __COSTLY", ""));

        ScanResult result = scan(engine, MESSAGE);

        assertThat(result.hitNames()).containsExactly("READ");
        assertThat(engine.regexRuns()).isEqualTo(1);
    }

    @Test
    void subMetaShouldBeEvaluatedOnlyWhenAMetaReadsIt() {
        RuleEngine unread = engine("body __COSTLY /p.l.s/\nmeta __SUB_META __COSTLY\n");
        RuleEngine read = engine("body __COSTLY /p.l.s/\nmeta __SUB_META __COSTLY\nmeta TOP __SUB_META\n");

        ScanResult unreadResult = scan(unread, MESSAGE);
        ScanResult readResult = scan(read, MESSAGE);

        assertThat(unreadResult.hitNames()).isEmpty();
        assertThat(unread.regexRuns()).isZero();
        assertThat(readResult.hitNames()).containsExactly("TOP");
        assertThat(read.regexRuns()).isEqualTo(1);
    }

    @Test
    void metaShouldBeWokenByAMetaThatHitsBeforeIt() {
        // TOP_B needs TOP_A, a meta that is not a sub-rule: only TOP_A's hit, during the metas' turn, wakes it
        RuleEngine engine = engine(String.join("\n", "body __PILLS /pills/", "meta TOP_A __PILLS",
            "meta TOP_B TOP_A && !__CASINO", "body __CASINO /casino/", "meta TOP_C __CASINO", ""));

        ScanResult result = scan(engine, MESSAGE);

        assertThat(result.hitNames()).containsExactly("TOP_A", "TOP_B");
    }

        @Test
    void sumThresholdShouldNotRunAPendingRuleWhenTooFewSummandsCanHit() {
        String rules = String.join("\n", "body __PILLS /pills/", "body __CASINO /casino/", "body __LOTTERY /lottery/",
            "body __COSTLY /b.y/i", "meta MANY (__PILLS + __CASINO + __LOTTERY + __COSTLY) > 2", "");
        RuleEngine engine = engine(rules);

        ScanResult result = scan(engine, MESSAGE);

        assertThat(result.hitNames()).isEmpty();
        assertThat(engine.regexRuns()).as("__COSTLY is not run: at most two summands can hit").isZero();
    }

    @Test
    void sumThresholdShouldCountEveryHitOfARuleThatCountsSeveral() {
        String rules = String.join("\n", "body __PILLS /pills/", "tflags __PILLS multiple",
            "body __CASINO /casino/", "meta MANY (__PILLS + __CASINO) > 2", "");

        ScanResult result = scan(engine(rules), MESSAGE);

        assertThat(result.hitNames()).containsExactly("MANY");
    }

    @Test
    void prefilterShouldRunOnlyCandidateRules() {
        RuleEngine engine = engine(String.join("\n", "body A /viagra\\w*/i", "body B /casino\\w*/i", "body C /pills\\w*/i",
            ""));

        scan(engine, MESSAGE);

        assertThat(engine.regexRuns()).isEqualTo(1);
        assertThat(engine.rules().prefilteredRules(org.cleanmail.core.rules.RuleType.BODY)).isEqualTo(3);
        assertThat(List.of(engine.ruleCount())).containsExactly(3);
    }

    @Test
    void literalRulesShouldBeDecidedWithoutRegularExpressions() {
        RuleEngine engine = engine(String.join("\n", "body A /\\bp[i1]lls\\b/i", "body B /\\bcasino\\b/i",
            "body C /\\bPILLS\\b/", "body D /\\bpill\\b/i", ""));

        ScanResult result = scan(engine, MESSAGE);

        assertThat(result.hitNames()).containsExactly("A");
        assertThat(engine.regexRuns()).isZero();
    }
}
