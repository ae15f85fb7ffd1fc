package org.cleanmail.core.rules.sa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.cleanmail.core.rules.EvalCall;
import org.cleanmail.core.rules.HeaderSpec;
import org.cleanmail.core.rules.LoadProblem;
import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.SkipCategory;
import org.cleanmail.core.rules.SkippedRule;
import org.cleanmail.core.rules.SourceLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpamAssassinRuleLoaderTest {
    private static final SpamAssassinRuleLoader LOADER = new SpamAssassinRuleLoader(RuleLoadOptions.defaults());

    private static RuleSet load(String text) {
        return LOADER.loadText("test.cf", text);
    }

    private static RuleDefinition rule(RuleSet rules, String name) {
        assertThat(rules.rule(name)).as("rule %s, skipped: %s, problems: %s", name, rules.skipped(), rules.problems())
            .isPresent();
        return rules.rule(name).orElseThrow();
    }

    private static boolean finds(RuleDefinition rule, String text) {
        return rule.pattern().orElseThrow().pattern().matcher(text).find();
    }

    @Nested
    class HeaderRules {
        @Test
        void loadShouldParseHeaderWithModifierAndExtendedPattern() {
            RuleDefinition rule = rule(load("header FROM_WSP_TRAIL\tFrom:raw =~ /< [^>]* \\s > [^<>]* \\z/xm\n"),
                "FROM_WSP_TRAIL");
            assertThat(rule.type()).isEqualTo(RuleType.HEADER);
            assertThat(rule.header().orElseThrow().header()).isEqualTo("From");
            assertThat(rule.header().orElseThrow().modifiers()).containsExactly("raw");
            assertThat(finds(rule, "Joe <joe@example.com >")).isTrue();
            assertThat(rule.source()).isEqualTo(new SourceLocation("test.cf", 1));
        }

        @Test
        void loadShouldParseAddrModifierAndBraceDelimiters() {
            RuleDefinition rule = rule(load("header __ML5  Return-Path:addr =~ "
                + "m{^(?:[^\\@]+-(?:request|bounces|admin|owner)|owner-[^\\@]+)(?:\\@|\\z)}i\n"), "__ML5");
            assertThat(rule.header().orElseThrow().hasModifier("addr")).isTrue();
            assertThat(finds(rule, "list-request@example.com")).isTrue();
            assertThat(rule.isSubRule()).isTrue();
        }

        @Test
        void loadShouldParseExistsTest() {
            RuleDefinition rule = rule(load("header __HAS_X_MAILER exists:X-Mailer\n"), "__HAS_X_MAILER");
            assertThat(rule.header()).contains(HeaderSpec.exists("X-Mailer"));
            assertThat(rule.pattern()).isEmpty();
        }

        @Test
        void loadShouldParseNegatedTestAndIfUnset() {
            RuleDefinition rule = rule(load("header __NO_REFS References !~ /\\S/\n"
                + "header __MID_UNSET MESSAGEID =~ /^UNSET$/ [if-unset: UNSET]\n"), "__MID_UNSET");
            assertThat(rule.header().orElseThrow().header()).isEqualTo(HeaderSpec.MESSAGE_ID);
            assertThat(rule.header().orElseThrow().ifUnset()).contains("UNSET");
            assertThat(rule.header().orElseThrow().negated()).isFalse();
            assertThat(finds(rule, "UNSET")).isTrue();
        }

        @Test
        void loadShouldParseNegatedHeaderTest() {
            RuleDefinition rule = rule(load("header __CT_OK Content-Type !~ /multipart/i\n"), "__CT_OK");
            assertThat(rule.header().orElseThrow().negated()).isTrue();
        }

        @Test
        void loadShouldKeepPseudoHeaders() {
            RuleSet rules = load("""
                header __TOCC_X ToCc =~ /x/
                header INVALID_TZ_CST ALL =~ /[+-]\\d\\d[30]0(?<!-0600|-0500|\\+0800|\\+0930|\\+1030)\\s+(?:\\bCST\\b|\\(CST\\))/
                """);
            assertThat(rule(rules, "__TOCC_X").header().orElseThrow().header()).isEqualTo(HeaderSpec.TO_CC);
            assertThat(rule(rules, "INVALID_TZ_CST").header().orElseThrow().isAll()).isTrue();
            assertThat(finds(rule(rules, "INVALID_TZ_CST"), "Date: x +0100 CST")).isTrue();
        }

        @Test
        void loadShouldSkipUnknownHeaderModifierWithReason() {
            RuleSet rules = load("header BAD_MOD From:bogus =~ /x/\n");
            assertThat(rules.rule("BAD_MOD")).isEmpty();
            assertThat(rules.skipped("BAD_MOD")).hasValueSatisfying(skipped -> {
                assertThat(skipped.category()).isEqualTo(SkipCategory.INVALID_DEFINITION);
                assertThat(skipped.reason()).contains(":bogus");
            });
        }

        @Test
        void loadShouldSkipHeaderRuleWithoutOperator() {
            assertThat(load("header NO_OP Subject /x/\n").skipped("NO_OP"))
                .hasValueSatisfying(skipped -> assertThat(skipped.category()).isEqualTo(SkipCategory.INVALID_DEFINITION));
        }
    }

    @Nested
    class PatternRules {
        @Test
        void loadShouldParseEveryPatternType() {
            RuleSet rules = load("""
                body GTUBE /XJS\\*C4JDBQADN1\\.NSBN3\\*2IDNEN\\*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL\\*C\\.34X/
                rawbody __RB /<\\s*script/i
                uri __URI_IP m{^https?://\\d+\\.\\d+\\.\\d+\\.\\d+}i
                full __FULL /^Received:/m
                mimeheader __CT_PDF Content-Type =~ /application\\/pdf/i
                """);
            assertThat(rule(rules, "GTUBE").type()).isEqualTo(RuleType.BODY);
            assertThat(rule(rules, "__RB").type()).isEqualTo(RuleType.RAWBODY);
            assertThat(rule(rules, "__URI_IP").type()).isEqualTo(RuleType.URI);
            assertThat(rule(rules, "__FULL").type()).isEqualTo(RuleType.FULL);
            assertThat(rule(rules, "__CT_PDF").type()).isEqualTo(RuleType.MIMEHEADER);
            assertThat(finds(rule(rules, "__URI_IP"), "http://10.0.0.1/x")).isTrue();
            assertThat(rules.summary().loaded(RuleType.BODY)).isEqualTo(1);
        }

        @Test
        void loadShouldUnescapeHashAndStripComments() {
            RuleDefinition rule = rule(load("body __HASH /a\\#b/ # a comment\n"), "__HASH");
            assertThat(rule.pattern().orElseThrow().original()).isEqualTo("/a#b/");
            assertThat(finds(rule, "a#b")).isTrue();
        }

        @Test
        void loadShouldReportUntranslatableRegexAndGoOn() {
            RuleSet rules = load("""
                body __KEEP /foo\\Kbar/
                body __NEXT /next/
                """);
            assertThat(rules.skipped("__KEEP")).hasValueSatisfying(skipped -> {
                assertThat(skipped.reason()).startsWith("untranslatable regex: \\K");
                assertThat(skipped.location()).isEqualTo(new SourceLocation("test.cf", 1));
            });
            assertThat(rules.rule("__NEXT")).isPresent();
            assertThat(rules.summary().skipped(RuleType.BODY, SkipCategory.UNTRANSLATABLE_REGEX)).isEqualTo(1);
        }

        @Test
        void laterDefinitionShouldWin() {
            RuleSet rules = load("""
                body FOO /first/
                describe FOO first
                body FOO /second/
                """);
            assertThat(rule(rules, "FOO").pattern().orElseThrow().original()).isEqualTo("/second/");
            assertThat(rule(rules, "FOO").source().line()).isEqualTo(3);
            assertThat(rule(rules, "FOO").description()).contains("first");
        }
    }

    @Nested
    class EvalRules {
        @Test
        void evalRuleShouldBeKeptWithFunctionAndArgumentsAndCountedAsNotImplemented() {
            RuleSet rules = load("header DATE_IN_PAST_03_06 eval:check_for_shifted_date('-96', '-48')\n"
                + "body __LONG eval:check_body_length(\"500\")\n");
            RuleDefinition rule = rule(rules, "DATE_IN_PAST_03_06");
            assertThat(rule.eval()).contains(new EvalCall("check_for_shifted_date", List.of("-96", "-48")));
            assertThat(rule.needsJavaImplementation()).isTrue();
            assertThat(rules.skipped("DATE_IN_PAST_03_06").orElseThrow().reason())
                .isEqualTo("eval not implemented: check_for_shifted_date");
            assertThat(rule(rules, "__LONG").eval().orElseThrow().arguments()).containsExactly("500");
            assertThat(rules.missingEvalFunctions())
                .containsExactly(Map.entry("check_body_length", 1), Map.entry("check_for_shifted_date", 1));
            assertThat(rules.summary().loaded(RuleType.HEADER)).isZero();
        }

        @Test
        void implementedEvalShouldCountAsLoaded() {
            RuleSet rules = new SpamAssassinRuleLoader(RuleLoadOptions.builder()
                .implementedEvals(Set.of("check_for_shifted_date")).build())
                .loadText("x.cf", "header DATE_IN_PAST_03_06 eval:check_for_shifted_date('-96', '-48')\n");
            assertThat(rules.skipped()).isEmpty();
            assertThat(rules.summary().loaded(RuleType.HEADER)).isEqualTo(1);
        }

        @Test
        void evalWithoutParenthesesShouldBeInvalid() {
            assertThat(load("body BROKEN eval:check_foo\n").skipped("BROKEN")).hasValueSatisfying(
                skipped -> assertThat(skipped.category()).isEqualTo(SkipCategory.INVALID_DEFINITION));
        }

        @Test
        void netRulesShouldBeSkippedUnlessWanted() {
            String text = """
                header RCVD_IN_SBL eval:check_rbl_sub('zen-lastexternal', '127.0.0.2')
                tflags RCVD_IN_SBL net
                """;
            assertThat(load(text).skipped("RCVD_IN_SBL").orElseThrow().category()).isEqualTo(SkipCategory.NET_RULE);
            RuleSet withNet = new SpamAssassinRuleLoader(RuleLoadOptions.builder().netRules(true).build())
                .loadText("x.cf", text);
            assertThat(withNet.rule("RCVD_IN_SBL")).isPresent();
        }
    }

    @Nested
    class Attributes {
        @Test
        void scoreShouldKeepOneOrFourValues() {
            RuleSet rules = load("""
                body ONE /one/
                body FOUR /four/
                body PAREN /paren/
                score ONE 2.5
                score FOUR 0 1.2 0 (0.8)
                score PAREN (1.5)
                """);
            assertThat(rule(rules, "ONE").score().values()).containsExactly(2.5, 2.5, 2.5, 2.5);
            assertThat(rule(rules, "FOUR").score().values()).containsExactly(0.0, 1.2, 0.0, 0.8);
            assertThat(rule(rules, "FOUR").score().primary()).isZero();
            assertThat(rule(rules, "FOUR").enabled()).isFalse();
            assertThat(rule(rules, "FOUR").enabled(1)).isTrue();
            assertThat(rule(rules, "PAREN").score().primary()).isEqualTo(1.5);
        }

        @Test
        void missingScoreShouldGetSpamAssassinDefault() {
            RuleSet rules = load("""
                body PLAIN /a/
                body T_TESTING /b/
                body NICE_ONE /c/
                tflags NICE_ONE nice
                """);
            assertThat(rule(rules, "PLAIN").score().primary()).isEqualTo(1.0);
            assertThat(rule(rules, "PLAIN").score().explicit()).isFalse();
            assertThat(rule(rules, "T_TESTING").score().primary()).isEqualTo(0.01);
            assertThat(rule(rules, "NICE_ONE").score().primary()).isEqualTo(-1.0);
        }

        @Test
        void scoreZeroShouldDisableButSubRulesStayEnabled() {
            RuleSet rules = load("""
                body OFF /a/
                score OFF 0
                body __SUB /b/
                score __SUB 0
                """);
            assertThat(rule(rules, "OFF").enabled()).isFalse();
            assertThat(rule(rules, "__SUB").enabled()).isTrue();
            assertThat(rules.summary().disabled()).isEqualTo(1);
        }

        @Test
        void tflagsShouldKeepKnownAndUnknownFlags() {
            RuleDefinition rule = rule(load("""
                body MANY /x/
                tflags MANY nice multiple maxhits=5 noautolearn userconf learn some_future_flag
                """), "MANY");
            assertThat(rule.tflags().nice()).isTrue();
            assertThat(rule.tflags().multiple()).isTrue();
            assertThat(rule.tflags().maxHits()).hasValue(5);
            assertThat(rule.tflags().has("noautolearn")).isTrue();
            assertThat(rule.tflags().has("userconf")).isTrue();
            assertThat(rule.tflags().learn()).isTrue();
            assertThat(rule.tflags().has("some_future_flag")).isTrue();
        }

        @Test
        void describeAndPriorityShouldAttach() {
            RuleDefinition rule = rule(load("""
                body DESCRIBED /x/
                describe DESCRIBED Contains an x, surely spam
                priority DESCRIBED -100
                """), "DESCRIBED");
            assertThat(rule.description()).contains("Contains an x, surely spam");
            assertThat(rule.priority()).isEqualTo(-100);
        }

        @Test
        void langLinesShouldBeSkippedAndCounted() {
            RuleSet rules = load("""
                body X /x/
                describe X English text
                lang de describe X Deutscher Text
                lang fr  describe X Texte
                """);
            assertThat(rule(rules, "X").description()).contains("English text");
            assertThat(rules.summary().langLinesSkipped()).isEqualTo(2);
        }

        @Test
        void langLinesShouldApplyWhenTheLocaleMatches() {
            RuleSet rules = new SpamAssassinRuleLoader(RuleLoadOptions.builder().locale("de_DE").build())
                .loadText("x.cf", """
                    body X /x/
                    describe X English text
                    lang de describe X Deutscher Text
                    lang fr describe X Texte
                    """);
            assertThat(rule(rules, "X").description()).contains("Deutscher Text");
            assertThat(rules.summary().langLinesSkipped()).isEqualTo(1);
        }

        @Test
        void scoresForUndefinedRulesShouldBeCountedNotReported() {
            RuleSet rules = load("score NEVER_DEFINED 1.0\n");
            assertThat(rules.summary().scoresWithoutRule()).isEqualTo(1);
            assertThat(rules.problems()).isEmpty();
        }
    }

    @Nested
    class MetaRules {
        @Test
        void metaShouldBeParsedAndPlanned() {
            RuleSet rules = load("""
                header __FROM_X From =~ /x/
                body __BODY_Y /y/
                meta __BOTH __FROM_X && __BODY_Y
                meta FINAL (__BOTH || __BODY_Y) && !__FROM_X
                """);
            RuleDefinition meta = rule(rules, "FINAL");
            assertThat(meta.meta().orElseThrow().references()).containsExactly("__BODY_Y", "__BOTH", "__FROM_X");
            assertThat(rules.metaPlan().order()).containsExactly("__BOTH", "FINAL");
            assertThat(rules.metaPlan().evaluate(Map.of("__BODY_Y", 1))).containsEntry("FINAL", 1.0);
        }

        @Test
        void metaReferencingUnknownRuleShouldBeReported() {
            RuleSet rules = load("meta LONELY __NOT_THERE || __ALSO_MISSING\n");
            assertThat(rules.metaPlan().unknownReferences()).containsEntry("LONELY", Set.of("__ALSO_MISSING", "__NOT_THERE"));
            assertThat(rules.rule("LONELY")).isPresent();
        }

        @Test
        void metaCycleShouldBeSkippedWithTheCycle() {
            RuleSet rules = load("""
                meta __A __B && __X
                meta __B __A
                body __X /x/
                """);
            assertThat(rules.rule("__A")).isEmpty();
            assertThat(rules.skipped("__B").orElseThrow().reason()).isEqualTo("meta cycle: __A -> __B");
        }

        @Test
        void malformedMetaShouldBeSkipped() {
            assertThat(load("meta BAD_META (__A && \n").skipped("BAD_META").orElseThrow().category())
                .isEqualTo(SkipCategory.INVALID_META);
        }
    }

    @Nested
    class Conditionals {
        @Test
        void ifpluginShouldFollowAvailablePlugins() {
            RuleSet rules = load("""
                ifplugin Mail::SpamAssassin::Plugin::ReplaceTags
                body __HAVE /a/
                endif
                ifplugin Mail::SpamAssassin::Plugin::DCC
                full DCC_CHECK eval:check_dcc()
                endif
                """);
            assertThat(rules.rule("__HAVE")).isPresent();
            SkippedRule dcc = rules.skipped("DCC_CHECK").orElseThrow();
            assertThat(dcc.category()).isEqualTo(SkipCategory.PLUGIN_NOT_AVAILABLE);
            assertThat(dcc.reason()).isEqualTo("plugin not available: Mail::SpamAssassin::Plugin::DCC");
            assertThat(rules.summary().skipped(RuleType.FULL, SkipCategory.PLUGIN_NOT_AVAILABLE)).isEqualTo(1);
        }

        @Test
        void versionAndCapabilityConditionsShouldBeEvaluated() {
            RuleSet rules = load("""
                if (version >= 3.004000)
                body __NEW_ENOUGH /a/
                endif
                if (version >= 9.000000)
                body __FUTURE /b/
                endif
                if can(Mail::SpamAssassin::Conf::feature_bug6558_free)
                body __CAN /c/
                endif
                if !(can(Mail::SpamAssassin::Conf::feature_bug6558_free))
                body __CANNOT /d/
                endif
                if !plugin(Mail::SpamAssassin::Plugin::ReplaceTags)
                body __NO_REPLACE /e/
                endif
                """);
            assertThat(rules.rules()).containsKeys("__NEW_ENOUGH", "__CAN");
            assertThat(rules.rules()).doesNotContainKeys("__FUTURE", "__CANNOT", "__NO_REPLACE");
            assertThat(rules.skipped("__FUTURE").orElseThrow().reason())
                .isEqualTo("condition false: if (version >= 9.000000)");
            assertThat(rules.problems()).isEmpty();
        }

        @Test
        void enableCompatShouldTurnOnItsCapabilityForLaterConditions() {
            RuleSet rules = load("""
                if can(Mail::SpamAssassin::Conf::compat_frobnicate)
                body __BEFORE /a/
                endif
                enable_compat frobnicate
                if can(Mail::SpamAssassin::Conf::compat_frobnicate)
                body __AFTER /b/
                endif
                """);
            assertThat(rules.rules()).containsOnlyKeys("__AFTER");
            assertThat(rules.otherDirectives("enable_compat")).hasSize(1);
        }

        @Test
        void unknownCapabilityShouldBeFalseAndReported() {
            RuleSet rules = load("""
                if can(Mail::SpamAssassin::Conf::feature_from_the_future)
                body __UNKNOWN /a/
                endif
                """);
            assertThat(rules.rule("__UNKNOWN")).isEmpty();
            assertThat(rules.problems()).extracting(LoadProblem::toString)
                .containsExactly("test.cf:1: unknown capability can(Mail::SpamAssassin::Conf::feature_from_the_future), "
                    + "taken as false");
        }

        @Test
        void elseShouldTakeTheOtherBranchAndNestedFalseBlocksStayFalse() {
            RuleSet rules = load("""
                ifplugin Mail::SpamAssassin::Plugin::DCC
                body __DCC /a/
                else
                body __NO_DCC /b/
                endif
                ifplugin Mail::SpamAssassin::Plugin::Pyzor
                  if (version >= 3.000000)
                  body __INNER_TRUE /c/
                  else
                  body __INNER_ELSE /d/
                  endif
                endif
                body __AFTER /e/
                """);
            assertThat(rules.rules()).containsOnlyKeys("__NO_DCC", "__AFTER");
            assertThat(rules.skipped("__INNER_ELSE").orElseThrow().category())
                .isEqualTo(SkipCategory.PLUGIN_NOT_AVAILABLE);
        }

        @Test
        void ruleDefinedInBothBranchesShouldNotBeReportedSkipped() {
            RuleSet rules = load("""
                ifplugin Mail::SpamAssassin::Plugin::DCC
                body __EITHER eval:check_dcc()
                else
                body __EITHER /fallback/
                endif
                """);
            assertThat(rules.rule("__EITHER")).isPresent();
            assertThat(rules.skipped()).isEmpty();
        }

        @Test
        void unbalancedBlocksShouldBeReportedWithLine() {
            RuleSet rules = load("""
                endif
                if (version >= 3.0)
                body __OPEN /a/
                """);
            assertThat(rules.problems()).extracting(LoadProblem::toString).containsExactly(
                "test.cf:1: 'endif' without 'if'", "test.cf:2: unclosed 'if' block, closed at end of file");
            assertThat(rules.rule("__OPEN")).isPresent();
        }
    }

    @Nested
    class ReplaceTagsRules {
        private static final String REPLACE = """
            ifplugin Mail::SpamAssassin::Plugin::ReplaceTags
            replace_tag A (?:[aA@4])
            replace_tag B (?:[bB8])
            replace_tag ANY <A>
            replace_inter W2 \\W{0,2}
            replace_post P2 {1,2}
            body __FUZZY_AB /<inter W2><post P2>\\b<A><B>\\b/i
            replace_rules __FUZZY_AB
            body __NESTED /x<ANY>y/
            replace_rules __NESTED
            body __NOT_LISTED /<A>/
            endif
            """;

        @Test
        void tagsShouldBeReplacedWithInterAndPost() {
            RuleSet rules = load(REPLACE);
            RuleDefinition fuzzy = rule(rules, "__FUZZY_AB");
            assertThat(fuzzy.pattern().orElseThrow().original())
                .isEqualTo("/\\b(?:[aA@4]){1,2}\\W{0,2}(?:[bB8]){1,2}\\b/i");
            assertThat(finds(fuzzy, "x 4-B y")).isTrue();
            assertThat(fuzzy.definition()).isEqualTo("/<inter W2><post P2>\\b<A><B>\\b/i");
        }

        @Test
        void tagsInsideReplacementsShouldBeReplacedToo() {
            assertThat(rule(load(REPLACE), "__NESTED").pattern().orElseThrow().original()).isEqualTo("/x(?:[aA@4])y/");
        }

        @Test
        void rulesNotListedShouldKeepTheirTags() {
            assertThat(rule(load(REPLACE), "__NOT_LISTED").pattern().orElseThrow().original()).isEqualTo("/<A>/");
        }
    }

    @Nested
    class RuleFiles {
        @TempDir
        Path dir;

        private void write(String name, String text) throws IOException {
            Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
        }

        @Test
        void directoryShouldLoadCfFilesInNameOrderLaterWinning() throws IOException {
            write("20_late.cf", "body ORDER /late/\nscore ORDER 2\n");
            write("10_early.cf", "body ORDER /early/\nscore ORDER 1\nbody EARLY_ONLY /e/\n");
            write("99_ignored.txt", "body IGNORED /i/\n");
            RuleSet rules = LOADER.loadDirectory(dir);
            assertThat(rule(rules, "ORDER").pattern().orElseThrow().original()).isEqualTo("/late/");
            assertThat(rule(rules, "ORDER").score().primary()).isEqualTo(2.0);
            assertThat(rule(rules, "ORDER").source()).isEqualTo(new SourceLocation("20_late.cf", 1));
            assertThat(rules.rules()).containsOnlyKeys("ORDER", "EARLY_ONLY");
            assertThat(rules.summary().files()).isEqualTo(2);
        }

        @Test
        void includeShouldReadRelativeFileAndReportMissingOnes() throws IOException {
            write("10_main.cf", "include sub/extra.rules\ninclude nowhere.cf\nbody MAIN /m/\n");
            Files.createDirectory(dir.resolve("sub"));
            write("sub/extra.rules", "body EXTRA /x/\n");
            RuleSet rules = LOADER.loadDirectory(dir);
            assertThat(rules.rules()).containsOnlyKeys("MAIN", "EXTRA");
            assertThat(rule(rules, "EXTRA").source()).isEqualTo(new SourceLocation("extra.rules", 1));
            assertThat(rules.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).startsWith("10_main.cf:2: cannot read"));
        }

        @Test
        void includeCycleShouldBeReportedNotLoop() throws IOException {
            write("10_a.cf", "include 10_a.cf\nbody A /a/\n");
            RuleSet rules = LOADER.loadDirectory(dir);
            assertThat(rules.rules()).containsOnlyKeys("A");
            assertThat(rules.problems()).extracting(LoadProblem::message).anyMatch(m -> m.startsWith("include cycle"));
        }

        @Test
        void missingDirectoryShouldBeReportedNotThrown() {
            RuleSet rules = LOADER.loadDirectory(dir.resolve("absent"));
            assertThat(rules.rules()).isEmpty();
            assertThat(rules.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("cannot list"));
        }

        @Test
        void requireVersionMismatchShouldSkipRestOfFile() throws IOException {
            write("10_old.cf", "body BEFORE /b/\nrequire_version 3.001000\nbody AFTER /a/\n");
            write("20_ok.cf", "require_version @@VERSION@@\nbody OK /o/\n");
            RuleSet rules = LOADER.loadDirectory(dir);
            assertThat(rules.rules()).containsOnlyKeys("BEFORE", "OK");
            assertThat(rules.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).startsWith("10_old.cf:2: file requires"));
        }

        @Test
        void latin1BytesShouldSurviveAsBytes() throws IOException {
            Files.write(dir.resolve("10_bytes.cf"), new byte[] {
                'b', 'o', 'd', 'y', ' ', 'U', 'M', 'L', ' ', '/', (byte) 0xC3, (byte) 0xA4, '/', '\n'});
            RuleDefinition rule = rule(LOADER.loadDirectory(dir), "UML");
            assertThat(finds(rule, new String(new byte[] {(byte) 0xC3, (byte) 0xA4}, StandardCharsets.ISO_8859_1)))
                .isTrue();
        }
    }

    @Nested
    class OtherDirectivesAndProblems {
        @Test
        void otherDirectivesShouldBeCollected() {
            RuleSet rules = load("""
                required_score 5.0
                whitelist_from *@example.com
                util_rb_tld com net
                redirector_pattern m'^https?://(?:www\\.)?example\\.com/r\\?u=(.*)$'i
                report_safe 1
                add_header all Level _STARS(*)_
                Bayes-Ignore-Header X-Foo
                """);
            assertThat(rules.otherDirectives()).extracting(directive -> directive.name()).containsExactly(
                "required_score", "whitelist_from", "util_rb_tld", "redirector_pattern", "report_safe", "add_header",
                "bayes_ignore_header");
            assertThat(rules.otherDirectives("required_score")).singleElement()
                .satisfies(directive -> assertThat(directive.value()).isEqualTo("5.0"));
            assertThat(rules.problems()).isEmpty();
        }

        @Test
        void unparseableLinesShouldBeReportedWithFileAndLineAndNotStopTheLoad() {
            RuleSet rules = load("""
                body 9BAD /x/
                score ONLY_NAME
                score GOOD_NAME abc
                body NO_PATTERN
                tflags
                body STILL_LOADED /ok/
                """);
            assertThat(rules.problems()).extracting(LoadProblem::toString).containsExactly(
                "test.cf:1: invalid rule name '9BAD' in 'body' line",
                "test.cf:2: 'score' needs a rule name and 1 or 4 numbers, got 'ONLY_NAME'",
                "test.cf:3: 'score GOOD_NAME': 'abc' is not a number",
                "test.cf:4: 'body NO_PATTERN' has no definition",
                "test.cf:5: 'tflags' needs a name and a value, got ''");
            assertThat(rules.rule("STILL_LOADED")).isPresent();
        }

        @Test
        void randomRuleFilesShouldLoadWithoutThrowing() {
            String[] keys = {"header ", "body ", "meta ", "if ", "ifplugin ", "else", "endif", "score ", "tflags ",
                "describe ", "lang de ", "include ", "replace_rules ", "replace_tag ", "mimeheader ", "uri "};
            String alphabet = "abc XY_ =~!~/:[]\\#\n";
            Random random = new Random(3);
            int rules = 0;
            for (int i = 0; i < 2_000; i++) {
                StringBuilder text = new StringBuilder();
                for (int line = 0; line < 10; line++) {
                    text.append(keys[random.nextInt(keys.length)]);
                    int length = random.nextInt(20);
                    for (int j = 0; j < length; j++) {
                        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    text.append('\n');
                }
                rules += load(text.toString()).rules().size();
            }
            assertThat(rules).isPositive();
        }

        @Test
        void hostileInputShouldNotCrash() {
            StringBuilder junk = new StringBuilder();
            junk.append("body ").append("A".repeat(200)).append(" /x/\n");
            junk.append("body LONG /").append("(".repeat(3000)).append("/\n");
            junk.append("meta DEEP ").append("(".repeat(3000)).append('\n');
            junk.append("\u0000\u0001\u00ff garbage \\\n");
            junk.append("x".repeat(RuleFileReader.MAX_LINE_LENGTH + 1)).append('\n');
            junk.append("if ((((\nendif\nelse\nelse\n");
            junk.append("body LAST /last/\n");
            RuleSet rules = load(junk.toString());
            assertThat(rules.rule("LAST")).isPresent();
            assertThat(rules.skipped("LONG")).isPresent();
            assertThat(rules.skipped("DEEP")).isPresent();
        }
    }
}
