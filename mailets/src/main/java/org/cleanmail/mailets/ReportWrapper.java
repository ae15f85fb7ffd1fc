package org.cleanmail.mailets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

/**
 * Wraps a message as SpamAssassin's {@code report_safe 1} does: a new {@code multipart/mixed}
 * message whose first part is the plain-text spam report and whose second is the original,
 * byte for byte, as a {@code message/rfc822} attachment. The wrapper keeps the original's
 * trace and addressing headers ({@code Received}, {@code Return-Path}, {@code From},
 * {@code Sender}, {@code To}, {@code Cc}, {@code Reply-To}, {@code Subject}, {@code Date},
 * {@code Message-ID}, {@code In-Reply-To}, {@code References}), so the recipient's client
 * shows and threads it as the same message; the tag headers go on the wrapper.
 */
final class ReportWrapper {
    static final String ORIGINAL_FILE_NAME = "original-message.eml";

    private static final List<String> KEPT_HEADERS = List.of("Return-Path", "Received", "From", "Sender", "To", "Cc",
        "Reply-To", "Subject", "Date", "Message-ID", "In-Reply-To", "References");

    private ReportWrapper() {
    }

    static MimeMessage wrap(MimeMessage original, String report) throws MessagingException {
        byte[] bytes = bytesOf(original);
        Session session = Session.getInstance(new Properties());
        MimeMessage wrapper = new PreservedIdMessage(session);
        for (String name : KEPT_HEADERS) {
            String[] values = original.getHeader(name);
            if (values != null) {
                for (String value : values) {
                    wrapper.addHeader(name, value);
                }
            }
        }
        MimeBodyPart reportPart = new MimeBodyPart();
        reportPart.setText(report, "UTF-8");
        reportPart.setDisposition(Part.INLINE);
        reportPart.setDescription("CleanMail spam report");

        MimeBodyPart originalPart = new MimeBodyPart();
        originalPart.setContent(new MimeMessage(session, new ByteArrayInputStream(bytes)), "message/rfc822");
        // message/rfc822 allows no encoding but 7bit, 8bit or binary (RFC 2046 5.2.1): the original is carried as is.
        originalPart.setHeader("Content-Transfer-Encoding", isSevenBit(bytes) ? "7bit" : "8bit");
        originalPart.setDisposition(Part.ATTACHMENT);
        originalPart.setFileName(ORIGINAL_FILE_NAME);
        originalPart.setDescription("The original message");

        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(reportPart);
        mixed.addBodyPart(originalPart);
        wrapper.setContent(mixed);
        wrapper.saveChanges();
        return wrapper;
    }

    static byte[] bytesOf(MimeMessage message) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("Cannot read the message to attach it to its spam report", e);
        }
        return out.toByteArray();
    }

    private static boolean isSevenBit(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
