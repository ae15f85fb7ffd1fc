package org.cleanmail.archive;

import java.nio.charset.StandardCharsets;

/** Small RFC 822 messages for tests. */
public final class TestMessages {
    private TestMessages() {
    }

    public static byte[] message(String from, String to, String subject, String body) {
        return message(from, to, "", subject, body);
    }

    public static byte[] message(String from, String to, String cc, String subject, String body) {
        String text = "From: " + from + "\r\n"
            + "To: " + to + "\r\n"
            + (cc.isEmpty() ? "" : "Cc: " + cc + "\r\n")
            + "Subject: " + subject + "\r\n"
            + "Message-ID: <" + Math.abs(subject.hashCode()) + "." + Math.abs(body.hashCode()) + "@test.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "\r\n"
            + body + "\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A multipart message with a PDF attachment of that name. */
    public static byte[] withAttachment(String from, String to, String subject, String body, String fileName) {
        String text = "From: " + from + "\r\n"
            + "To: " + to + "\r\n"
            + "Subject: " + subject + "\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
            + "\r\n"
            + "--b1\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "\r\n"
            + body + "\r\n"
            + "--b1\r\n"
            + "Content-Type: application/pdf; name=\"" + fileName + "\"\r\n"
            + "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "\r\n"
            + "JVBERi0xLjQKJcfsj6IK\r\n"
            + "--b1--\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
