package org.cleanmail.webadmin.policy;

import java.io.IOException;

import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;

import org.jsoup.Jsoup;

/**
 * A safe text preview of a message: the first {@code text/plain} part, or the text of the
 * first {@code text/html} part with every tag removed, cut at a length, with control
 * characters other than line breaks and tabs dropped. Nothing is rendered or fetched.
 */
final class TextPreview {
    private TextPreview() {
    }

    static String of(Part message, int maxLength) throws MessagingException, IOException {
        String text = find(message, "text/plain");
        if (text == null) {
            String html = find(message, "text/html");
            text = html == null ? "" : Jsoup.parse(html).text();
        }
        StringBuilder safe = new StringBuilder();
        text.codePoints()
            .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
            .limit(maxLength)
            .forEach(safe::appendCodePoint);
        return safe.toString();
    }

    private static String find(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            Object content = part.getContent();
            return content instanceof String ? (String) content : null;
        }
        return null;
    }
}
