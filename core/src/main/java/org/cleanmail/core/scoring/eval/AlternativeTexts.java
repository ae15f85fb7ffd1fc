package org.cleanmail.core.scoring.eval;

import java.util.List;

/**
 * The text parts of one multipart/alternative (nested ones included), decoded: the HTML
 * sources and the other text parts. Immutable.
 */
final class AlternativeTexts {
    private final List<String> htmlSources;
    private final List<String> plainTexts;

    AlternativeTexts(List<String> htmlSources, List<String> plainTexts) {
        this.htmlSources = List.copyOf(htmlSources);
        this.plainTexts = List.copyOf(plainTexts);
    }

    List<String> htmlSources() {
        return htmlSources;
    }

    List<String> plainTexts() {
        return plainTexts;
    }
}
