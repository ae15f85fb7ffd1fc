package org.cleanmail.core.scoring.eval;

import java.util.List;
import java.util.stream.Collectors;

import org.cleanmail.core.message.MessageFeatures;
import org.jsoup.Jsoup;

/**
 * The facts that several eval functions derive from one message, computed once per message
 * and shared: the MIME scan and the analysis of each HTML part. Thread-safe.
 */
final class DerivedFacts {
    private final PerMessageCache<MimeFacts> mime = new PerMessageCache<>(MimeScan::of);
    private final PerMessageCache<List<HtmlPartFacts>> html = new PerMessageCache<>(this::analyseHtml);
    private final PerMessageCache<AlternativeDifference> alternativeDifference =
        new PerMessageCache<>(features -> AlternativeDifference.of(mime(features),
            source -> features.parsedHtml(source).orElseGet(() -> Jsoup.parse(source))));

    MimeFacts mime(MessageFeatures features) {
        return mime.get(features);
    }

    /** One entry per text/html part, in order; empty for a message without HTML. */
    List<HtmlPartFacts> html(MessageFeatures features) {
        return html.get(features);
    }

    AlternativeDifference alternativeDifference(MessageFeatures features) {
        return alternativeDifference.get(features);
    }

    private List<HtmlPartFacts> analyseHtml(MessageFeatures features) {
        if (features.mime().textHtmlCount() == 0) {
            return List.of();
        }
        return mime(features).htmlSources.stream()
            .map(source -> HtmlPartAnalysis.of(source, features.parsedHtml(source).orElseGet(() -> Jsoup.parse(source))))
            .collect(Collectors.toUnmodifiableList());
    }
}
