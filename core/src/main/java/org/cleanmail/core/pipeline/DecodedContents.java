package org.cleanmail.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cleanmail.core.fingerprint.Attachment;
import org.cleanmail.core.fingerprint.DecodedContent;
import org.cleanmail.core.message.MessageFeatures;

/**
 * What fingerprinting reads of a parsed message: the decoded body text without the
 * subject line (spammers vary subjects; the body is the campaign), and the hosts it
 * links to, and the SHA-256 of each attachment that is not text. Body paragraphs come with their lines joined; a signature delimiter
 * ({@code "-- "}) that starts a paragraph, and separator runs ({@code -----------}), are
 * put back on lines of their own, so that the
 * normaliser recognises the footer after it (mailing-list footers are shared by ham and
 * spam posted to the same list, and must not make them look alike).
 */
public final class DecodedContents {
    private static final String SIGNATURE_DELIMITER = "-- ";
    /** A separator line ({@code -----}, {@code _____}, ...) that paragraph joining ran into the text around it. */
    private static final int SEPARATOR_MIN = 10;
    private static final Pattern SEPARATOR_RUN = Pattern.compile("[ \\t]*([-_=*~]{" + SEPARATOR_MIN + ",})[ \\t]*");
    private DecodedContents() {
    }

    private static String separatorsOnTheirOwnLines(String chunk) {
        String text = chunk.startsWith(SIGNATURE_DELIMITER)
            ? SIGNATURE_DELIMITER + "\n" + chunk.substring(SIGNATURE_DELIMITER.length()) : chunk;
        return hasSeparatorRun(text) ? SEPARATOR_RUN.matcher(text).replaceAll("\n$1\n") : text;
    }

    /** Whether the text holds a run {@link #SEPARATOR_RUN} matches: Java's search tries it at every position. */
    private static boolean hasSeparatorRun(String text) {
        int run = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            run = c == '-' || c == '_' || c == '=' || c == '*' || c == '~' ? run + 1 : 0;
            if (run == SEPARATOR_MIN) {
                return true;
            }
        }
        return false;
    }

    public static DecodedContent from(MessageFeatures features) {
        List<String> chunks = features.body().chunks();
        String subject = features.headers().first("Subject").map(String::trim).orElse("");
        int first = !chunks.isEmpty() && !subject.isEmpty() && chunks.get(0).trim().equals(subject) ? 1 : 0;
        String body = chunks.subList(first, chunks.size()).stream()
            .map(DecodedContents::separatorsOnTheirOwnLines)
            .collect(Collectors.joining("\n\n"));
        List<Attachment> attachments = features.mime().attachments().stream()
            .filter(part -> part.sha256().isPresent())
            .map(part -> Attachment.ofSha256(part.filename().orElse(""), part.sha256().get()))
            .collect(Collectors.toList());
        return new DecodedContent(body, new ArrayList<>(features.uris().hosts()), attachments);
    }
}
