package org.cleanmail.core.fingerprint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads the public SpamAssassin corpus into {@link DecodedContent}, as a stand-in for the
 * real MIME decoder: text parts decoded with mime4j (of a multipart/alternative, the last
 * part, the richest), HTML rendered to text with jsoup (block tags become paragraph
 * breaks, {@code <br>} a line break), link hosts taken from the URLs in the decoded text and the HTML links.
 * Falls back to the crude body (what follows the first blank line) when parsing fails.
 */
final class CorpusMessages {
    /** One corpus message. */
    record Sample(String name, int number, DecodedContent content) {
    }

    private static final Pattern BLOCK_TAG = Pattern.compile("(?i)<(p|/p|div|/div|tr|/tr|li|h\\d|/h\\d)\\b[^>]{0,200}>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\b[^>]{0,200}>");
    private static final Pattern URL_HOST = Pattern.compile("(?i)https?://([a-z0-9.-]{1,253})");
    private static final int MAX_TEXT_CHARS = 512 * 1024;

    private CorpusMessages() {
    }

    static Path corpus() {
        String root = System.getProperty("cleanmail.corpus");
        if (root == null) {
            throw new IllegalStateException("the cleanmail.corpus system property is not set (surefire sets it)");
        }
        return Path.of(root, "spamassassin-public");
    }

    static List<Sample> load(String label) {
        try (Stream<Path> files = Files.list(corpus().resolve(label))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml"))
                .sorted()
                .map(CorpusMessages::read)
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sample read(Path file) {
        String name = file.getParent().getFileName() + "/" + file.getFileName();
        int number = Integer.parseInt(file.getFileName().toString().replace(".eml", ""));
        try {
            byte[] bytes = Files.readAllBytes(file);
            String raw = new String(bytes, StandardCharsets.ISO_8859_1);
            String text;
            List<String> hosts = new ArrayList<>();
            try {
                text = decodedText(withoutEnvelope(bytes), hosts);
            } catch (IOException | RuntimeException e) {
                text = crudeBody(raw);
            }
            addHosts(text, hosts);
            return new Sample(name, number, new DecodedContent(text, hosts, List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withoutEnvelope(byte[] bytes) {
        if (bytes.length > 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    byte[] rest = new byte[bytes.length - i - 1];
                    System.arraycopy(bytes, i + 1, rest, 0, rest.length);
                    return rest;
                }
            }
        }
        return bytes;
    }

    static String crudeBody(String raw) {
        int blank = raw.indexOf("\n\n");
        int crlfBlank = raw.indexOf("\r\n\r\n");
        if (blank < 0 && crlfBlank < 0) {
            return "";
        }
        int start = blank < 0 ? crlfBlank + 4 : crlfBlank < 0 ? blank + 2 : Math.min(blank + 2, crlfBlank + 4);
        return raw.substring(start);
    }

    private static String decodedText(byte[] bytes, List<String> hosts) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        Message message = builder.parseMessage(new ByteArrayInputStream(bytes));
        StringBuilder text = new StringBuilder();
        collectText(message, text, hosts);
        return text.toString();
    }

    private static void collectText(Entity entity, StringBuilder text, List<String> hosts) throws IOException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            List<Entity> parts = new ArrayList<>(multipart.getBodyParts());
            if ("alternative".equalsIgnoreCase(multipart.getSubType())) {
                Collections.reverse(parts);
            }
            for (Entity part : parts) {
                int before = text.length();
                collectText(part, text, hosts);
                if ("alternative".equalsIgnoreCase(multipart.getSubType()) && text.length() > before) {
                    return;
                }
            }
        } else if (body instanceof Message nested) {
            collectText(nested, text, hosts);
        } else if (body instanceof TextBody textBody && text.length() < MAX_TEXT_CHARS) {
            String content = read(textBody);
            String mimeType = entity.getMimeType() == null ? "text/plain" : entity.getMimeType().toLowerCase(Locale.ROOT);
            if (mimeType.contains("html")) {
                Document document = Jsoup.parse(content);
                document.select("a[href]").forEach(link -> addHosts(link.attr("href"), hosts));
                text.append(renderHtml(content)).append("\n\n");
            } else {
                text.append(content).append("\n\n");
            }
        }
    }

    private static String read(TextBody body) throws IOException {
        try (Reader reader = body.getReader()) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        } catch (IOException | RuntimeException e) {
            try (InputStream in = body.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }
    }

    static String renderHtml(String html) {
        String breaks = LINE_BREAK.matcher(BLOCK_TAG.matcher(html).replaceAll("\n\n")).replaceAll("\n");
        Document document = Jsoup.parse(breaks);
        document.select("script, style").remove();
        return document.body() == null ? "" : document.body().wholeText();
    }

    private static void addHosts(String text, List<String> hosts) {
        Matcher matcher = URL_HOST.matcher(text);
        while (matcher.find() && hosts.size() < 100) {
            hosts.add(matcher.group(1));
        }
    }
}
