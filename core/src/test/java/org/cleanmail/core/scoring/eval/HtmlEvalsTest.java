package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.scoring.eval.Messages.call;
import static org.cleanmail.core.scoring.eval.Messages.html;
import static org.cleanmail.core.scoring.eval.Messages.message;

import org.cleanmail.core.message.MessageFeatures;
import org.junit.jupiter.api.Test;

class HtmlEvalsTest {
    private static final MessageFeatures PLAIN = message("Subject: hi", "", "<b>not html</b>");
    private static final MessageFeatures IMAGE_ONLY = html("Offer",
        "<html><head><title>Offer</title></head><body><a href=\"http://example.com/\">"
            + "<img src=\"http://example.com/a.gif\" width=\"600\" height=\"400\"></a></body></html>");
    private static final MessageFeatures NEWSLETTER = html("Weekly news",
        "<!-- saved from url=(0022)http://internet.e-mail -->\n<html><body><center><p>"
            + "This week: our new releases, the conference programme and many more articles to read. ".repeat(10)
            + "</p><font size=\"+4\">BIG</font><form action=\"mailto:x@example.com\"></form>"
            + "<embed src=\"x.swf\"></body>");

    @Test
    void tagExistsShouldSeeTagsWrittenInTheSource() {
        assertThat(call("html_tag_exists", IMAGE_ONLY, "head")).isTrue();
        assertThat(call("html_tag_exists", NEWSLETTER, "head")).as("jsoup adds a head; the source has none")
            .isFalse();
        assertThat(call("html_tag_exists", PLAIN, "b")).isFalse();
        assertThat(call("html_tag_exists", IMAGE_ONLY)).isFalse();
    }

    @Test
    void tagBalanceShouldCompareOpenedAndClosedTags() {
        assertThat(call("html_tag_balance", NEWSLETTER, "body", "!= 0")).isFalse();
        assertThat(call("html_tag_balance", NEWSLETTER, "center", "!= 0")).isTrue();
        assertThat(call("html_tag_balance", NEWSLETTER, "center", "system('x')")).isFalse();
    }

    @Test
    void htmlTestShouldKnowHtmlEmbedsAndMailtoForms() {
        assertThat(call("html_test", IMAGE_ONLY, "html")).isTrue();
        assertThat(call("html_test", PLAIN, "html")).isFalse();
        assertThat(call("html_test", NEWSLETTER, "embeds")).isTrue();
        assertThat(call("html_test", NEWSLETTER, "form_action_mailto")).isTrue();
        assertThat(call("html_test", IMAGE_ONLY, "embeds")).isFalse();
        assertThat(call("html_test", IMAGE_ONLY, "not_a_test")).isFalse();
    }

    @Test
    void fontFaceBadShouldFireOnAFaceNoMailerWrites() {
        MessageFeatures odd = html("x", "<font face=\"{{random}}\">Hi</font>");
        MessageFeatures usual = html("x", "<font face=\"'Montserrat', sans-serif\">Hi</font>");

        assertThat(call("html_test", odd, "font_face_bad")).isTrue();
        assertThat(call("html_test", usual, "font_face_bad")).isFalse();
    }

    @Test
    void lowContrastShouldFireOnTextInTheBackgroundColour() {
        MessageFeatures white = html("x", "<body><p>Offer</p><font color=\"#fefefe\">viagra cialis</font></body>");
        MessageFeatures styled = html("x", "<div style=\"background-color: rgb(0,0,0); color: #010101\">hidden</div>");
        MessageFeatures readable = html("x", "<body text=\"navy\"><div style=\"background:#ffffee\">Hello</div></body>");

        assertThat(call("html_test", white, "font_low_contrast")).isTrue();
        assertThat(call("html_test", styled, "font_low_contrast")).isTrue();
        assertThat(call("html_test", readable, "font_low_contrast")).isFalse();
        assertThat(call("html_test", IMAGE_ONLY, "font_low_contrast")).isFalse();
    }

    @Test
    void visibleTextInAColourThatIsNoneShouldBeFontInvalidColor() {
        MessageFeatures invalid = html("x", "<p>fine</p><font color=\"#zz1122\">odd colour</font>");
        MessageFeatures named = html("x", "<font color=\"navy\">navy text</font>");
        MessageFeatures hiddenOnly = html("x", "<p>fine</p><font color=\"bogus\"> </font>");

        assertThat(call("html_test", invalid, "font_invalid_color")).isTrue();
        assertThat(call("html_test", named, "font_invalid_color")).isFalse();
        assertThat(call("html_test", hiddenOnly, "font_invalid_color")).isFalse();
    }

    @Test
    void coloursShouldBeReadAsSpamAssassinReadsThem() {
        assertThat(HtmlColors.toRgb("White")).isEqualTo("#ffffff");
        assertThat(HtmlColors.toRgb("#abc")).isEqualTo("#aabbcc");
        assertThat(HtmlColors.toRgb("#abcd")).isEqualTo("#aabbcc");
        assertThat(HtmlColors.toRgb("rgb(255, 0, 16)")).isEqualTo("#ff0010");
        assertThat(HtmlColors.toRgb("rgb(100%, 0%, 50%)")).isEqualTo("#ff007f");
        assertThat(HtmlColors.toRgb("not a colour")).isEqualTo(HtmlColors.INVALID);
        assertThat(HtmlColors.toRgb("")).isEqualTo(HtmlColors.INVALID);
    }

    @Test
    void htmlEvalAndRangeShouldCompareNumericTests() {
        assertThat(call("html_eval", IMAGE_ONLY, "length", "< 384")).isTrue();
        assertThat(call("html_eval", NEWSLETTER, "length", "< 384")).isFalse();
        assertThat(call("html_range", NEWSLETTER, "max_size", "6", "inf")).isTrue();
        assertThat(call("html_range", IMAGE_ONLY, "max_size", "6", "inf")).isFalse();
        assertThat(call("html_range", IMAGE_ONLY, "length", "0", "1024")).isTrue();
        assertThat(call("html_eval", IMAGE_ONLY, "length", "; rm -rf")).isFalse();
    }

    @Test
    void tagRatiosShouldCountUnknownTagsAndExtraEndTags() {
        MessageFeatures junk = html("x", "<html><body><xyzzy>Hi</xyzzy><qwerty></b></i></u></body></html>");

        assertThat(call("html_range", junk, "bad_tag_ratio", "0.25", "0.35")).isTrue();
        assertThat(call("html_range", junk, "closed_extra_ratio", "0.09", "inf")).isTrue();
        assertThat(call("html_range", junk, "non_element_ratio", "0.25", "0.35")).isTrue();
        assertThat(call("html_range", IMAGE_ONLY, "bad_tag_ratio", "0.0", "1.0")).isFalse();
        assertThat(call("html_range", IMAGE_ONLY, "closed_extra_ratio", "0.09", "inf")).isFalse();
        assertThat(call("html_range", IMAGE_ONLY, "obfuscation_ratio", "0", "1")).isFalse();
    }

    @Test
    void textMatchShouldSearchCommentsTitlesAndAnchors() {
        assertThat(call("html_text_match", NEWSLETTER, "comment", "<!-- saved from url=\\(\\d{4}\\)")).isTrue();
        assertThat(call("html_text_match", IMAGE_ONLY, "comment", "<!.*?>")).isFalse();
        assertThat(call("html_text_match", IMAGE_ONLY, "anchor", "<img>")).isTrue();
        assertThat(call("html_text_match", IMAGE_ONLY, "title", ".{120}")).isFalse();
        assertThat(call("html_text_match", IMAGE_ONLY, "title", "(unbalanced")).isFalse();
    }

    @Test
    void titleSubjectRatioShouldFireOnALongTitleForAShortSubject() {
        MessageFeatures features = html("Hi", "<html><head><title>A much, much longer title than the subject"
            + "</title></head><body>x</body></html>");

        assertThat(call("html_title_subject_ratio", features, "3.5")).isTrue();
        assertThat(call("html_title_subject_ratio", IMAGE_ONLY, "3.5")).isFalse();
        assertThat(call("html_title_subject_ratio", features, "big")).isFalse();
    }

    @Test
    void imageOnlyShouldFireOnShortHtmlWithAnImage() {
        assertThat(call("html_image_only", IMAGE_ONLY, "0", "400")).isTrue();
        assertThat(call("html_image_only", NEWSLETTER, "0", "400")).isFalse();
        assertThat(call("html_image_only", IMAGE_ONLY, "0")).isFalse();
    }

    @Test
    void imageRatioShouldCompareTextToImageArea() {
        assertThat(call("html_image_ratio", IMAGE_ONLY, "0.000", "0.002")).isTrue();
        assertThat(call("html_image_ratio", NEWSLETTER, "0.000", "0.002")).isFalse();
        assertThat(call("html_image_ratio", IMAGE_ONLY, "zero", "0.002")).isFalse();
    }

    @Test
    void brokenHtmlShouldNotThrow() {
        MessageFeatures broken = html("x", "<<<<html <!-- <title <img width=99999999999 height=-3 <a href=");

        assertThat(call("html_image_ratio", broken, "0", "1")).isFalse();
        assertThat(call("html_tag_exists", broken, "img")).isTrue();
    }
}
