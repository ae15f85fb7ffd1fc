package org.cleanmail.core.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.cleanmail.core.fingerprint.DecodedContent;
import org.cleanmail.core.message.MessageFeatures;

/**
 * What fingerprinting reads of a parsed message: the decoded body text without the
 * subject line (spammers vary subjects; the body is the campaign), and the hosts it
 * links to.
 */
public final class DecodedContents {
    private DecodedContents() {
    }

    public static DecodedContent from(MessageFeatures features) {
        List<String> chunks = features.body().chunks();
        String subject = features.headers().first("Subject").map(String::trim).orElse("");
        int first = !chunks.isEmpty() && !subject.isEmpty() && chunks.get(0).trim().equals(subject) ? 1 : 0;
        String body = String.join("\n\n", chunks.subList(first, chunks.size()));
        return new DecodedContent(body, new ArrayList<>(features.uris().hosts()), List.of());
    }
}
