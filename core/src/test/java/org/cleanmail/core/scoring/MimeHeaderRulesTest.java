package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.scoring.RuleEngineTest.engine;
import static org.cleanmail.core.scoring.RuleEngineTest.scan;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.scan.ScanResult;
import org.junit.jupiter.api.Test;

/** {@code mimeheader} rules, with cases from SpamAssassin's stock rules. */
class MimeHeaderRulesTest {
    private static final String MULTIPART = String.join("\n",
        "From: a@example.com",
        "To: b@example.com",
        "Subject: invoice",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed; boundary=\"XX\"",
        "",
        "--XX",
        "Content-Type: text/plain; charset=utf-7",
        "",
        "hello",
        "--XX",
        "Content-Type: image/gif;",
        "        name=\"logo.gif\"",
        "Content-Transfer-Encoding: base64",
        "Content-Id: <0A1B2C3D.4E5F6A7B.8C9D0E1F.A2B3C4D5>",
        "",
        "R0lGODlhAQABAAAAACw=",
        "--XX",
        "Content-Type: application/octet-stream; name=\"report.pdf\"",
        "Content-Disposition: attachment; filename=\"report.pdf\"",
        "Content-Transfer-Encoding: base64",
        "",
        "JVBERi0xLjQK",
        "--XX--",
        "");

    private static ScanResult scanWith(String rules, String message) {
        return scan(engine(rules), message.replace("\n", "\r\n"));
    }

    @Test
    void ruleShouldMatchTheHeaderOfAnyPart() {
        ScanResult result = scanWith(String.join("\n",
            "mimeheader __CT_UTF7 Content-Type =~ /\\bcharset=.?utf-7\\b/i",
            "meta CT_UTF7 __CT_UTF7",
            "mimeheader T_OBFU_PDF_ATTACH Content-Type =~ m,\\bapplication/octet-stream\\b.+\\.pdf\\b,i",
            "mimeheader T_OBFU_JPG_ATTACH Content-Type =~ m,\\bapplication/octet-stream\\b.+\\.jpe?g\\b,i",
            "mimeheader T_TVD_FW_GRAPHIC_ID2 Content-Id =~ /<(?:[0-9A-F]{8}\\.){3}[0-9A-F]{8}/",
            "mimeheader PDF_FILENAME Content-Disposition =~ /filename=\"[^\"]+\\.pdf\"/",
            ""), MULTIPART);

        assertThat(result.hitNames()).containsExactlyInAnyOrder("CT_UTF7", "T_OBFU_PDF_ATTACH", "T_TVD_FW_GRAPHIC_ID2",
            "PDF_FILENAME");
    }

    @Test
    void topLevelHeaderShouldBeTheFirstPartAsInSpamAssassin() {
        ScanResult result = scanWith("mimeheader MIXED Content-Type =~ /^multipart\\/mixed/\n"
            + "mimeheader SUBJ Subject =~ /invoice/\n", MULTIPART);

        assertThat(result.hitNames()).containsExactlyInAnyOrder("MIXED", "SUBJ");
    }

    @Test
    void rawShouldKeepTheFoldingOfTheHeader() {
        // the stock CTYPE_8SPACE_GIF: a GIF whose name parameter is folded onto a line indented by 8 spaces
        String rules = "mimeheader CTYPE_8SPACE_GIF Content-Type:raw =~ /^image\\/gif;\\n {8}name=\\\".+?\\\"$/s\n"
            + "mimeheader DECODED_8SPACE Content-Type =~ /^image\\/gif;\\n {8}name=/s\n"
            + "mimeheader DECODED_GIF Content-Type =~ /^image\\/gif; name=\"logo\\.gif\"$/\n";

        assertThat(scanWith(rules, MULTIPART).hitNames()).containsExactlyInAnyOrder("CTYPE_8SPACE_GIF", "DECODED_GIF");
    }

    @Test
    void negatedRuleShouldFireOnlyWhenNoPartMatches() {
        String rules = "mimeheader NO_PDF Content-Type !~ /\\.pdf/\nmimeheader NO_ZIP Content-Type !~ /\\.zip/\n";

        assertThat(scanWith(rules, MULTIPART).hitNames()).containsExactly("NO_ZIP");
    }

    @Test
    void partWithoutTheHeaderShouldBeMatchedAsTheEmptyStringOrIfUnset() {
        String rules = "mimeheader NO_DISPOSITION Content-Disposition =~ /^NONE$/ [if-unset: NONE]\n"
            + "mimeheader EMPTY_CTE Content-Transfer-Encoding =~ /^$/\n"
            + "mimeheader RAW_X Content-Transfer-Encoding:raw =~ /^NONE$/ [if-unset: NONE]\n";

        assertThat(scanWith(rules, MULTIPART).hitNames()).containsExactlyInAnyOrder("NO_DISPOSITION", "EMPTY_CTE");
    }

    @Test
    void rangeShouldKeepThePartsNumbered() {
        String rules = "mimeheader FIRST_IS_MIXED Content-Type =~ /multipart/\ntflags FIRST_IS_MIXED range=1\n"
            + "mimeheader PLAIN_AFTER_THREE Content-Type =~ /text\\/plain/\ntflags PLAIN_AFTER_THREE range=3-\n"
            + "mimeheader PLAIN_IN_TWO Content-Type =~ /text\\/plain/\ntflags PLAIN_IN_TWO range=2\n";

        assertThat(scanWith(rules, MULTIPART).hitNames()).containsExactlyInAnyOrder("FIRST_IS_MIXED", "PLAIN_IN_TWO");
    }

    @Test
    void concatShouldMatchAcrossParts() {
        String rules = "mimeheader TWO_TYPES Content-Type =~ /utf-7.*\\n.*image\\/gif/s\ntflags TWO_TYPES concat\n"
            + "mimeheader SEPARATE Content-Type =~ /utf-7.*\\n.*image\\/gif/s\n";

        assertThat(scanWith(rules, MULTIPART).hitNames()).containsExactly("TWO_TYPES");
    }

    @Test
    void modifiersOtherThanRawShouldBeReportedNotRun() {
        RuleEngine engine = engine("mimeheader BAD Content-Type:addr =~ /x/\nmimeheader GOOD Content-Type =~ /gif/\n");

        assertThat(engine.unusedRules()).extracting(UnusedRule::name).containsExactly("BAD");
        assertThat(scan(engine, MULTIPART.replace("\n", "\r\n")).hitNames()).containsExactly("GOOD");
    }

    @Test
    void everyStockMimeheaderRuleShouldRun() {
        assumeTrue(Files.isDirectory(StockRules.FOLDER), "SpamAssassin's rules are not installed");
        RuleSet stock = StockRules.load(EvalFunctions.none());
        CompiledRuleSet compiled = CompiledRuleSet.compile(stock, EvalFunctions.none(), ScoringOptions.defaults());

        List<String> mimeheaders = stock.rules().values().stream().filter(rule -> rule.type() == RuleType.MIMEHEADER)
            .map(RuleDefinition::name).collect(Collectors.toList());

        assertThat(mimeheaders).hasSizeGreaterThan(20);
        assertThat(compiled.unusedRules()).extracting(UnusedRule::name).doesNotContainAnyElementsOf(mimeheaders);
    }

    @Test
    void manyPartsShouldBeBoundedByTheParserLimits() {
        StringBuilder message = new StringBuilder("Content-Type: multipart/mixed; boundary=B\n\n");
        for (int i = 0; i < 5_000; i++) {
            message.append("--B\nContent-Type: application/octet-stream; name=\"f").append(i).append(".txt\"\n\nx\n");
        }
        message.append("--B--\n");
        RuleEngine engine = engine("mimeheader OBFU_TEXT_ATTACH Content-Type =~ m,\\bapplication/octet-stream\\b.+\\.txt\\b,i\n"
            + "mimeheader LATE Content-Type =~ /f4999\\.txt/\n");

        ScanResult result = scan(engine, message.toString().replace("\n", "\r\n"));

        assertThat(result.hitNames()).containsExactly("OBFU_TEXT_ATTACH");
    }
}
