package org.cleanmail.core.scoring.eval;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.cleanmail.core.message.MessageFeatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the MIME parts of a message's {@link MessageFeatures#full() full text} once, as
 * SpamAssassin's MIMEEval {@code _check_attachments} does: part counts by type and
 * encoding, quoted-printable and base64 line shapes, illegal characters in ASCII text,
 * the text/HTML size ratio of a multipart/alternative, parse flags, and the decoded HTML
 * sources. The full text is already capped by the message parser; HTML kept is capped here.
 */
final class MimeScan {
    private static final Logger LOGGER = LoggerFactory.getLogger(MimeScan.class);
    /** SpamAssassin stops at 1000 parts. */
    private static final int MAXIMUM_PARTS = 1000;
    /** Decoded text kept per part, and for the whole message: what the HTML and alternative tests read. */
    private static final int MAXIMUM_PART_CHARS = 256 * 1024;
    private static final int MAXIMUM_MESSAGE_CHARS = 512 * 1024;
    private static final int QP_MAXIMUM_LINE = 78;
    private static final Pattern QP_ENCODED_PRINTABLE = Pattern.compile("=(?:09|3[0-9ABCEF]|[2456][0-9A-F]|7[0-9A-E])");
    private static final Pattern QP_TRAILING_SPACES = Pattern.compile("((?:=09|=20)+)\\s*$");
    private static final Pattern UNICODE_ENTITY = Pattern.compile("&#x[0-9A-F]{4};");
    private static final Pattern ASCII_CHARSETS = Pattern.compile("(?:us-ascii|ansi_x3\\.4-1968|iso-ir-6|"
        + "ansi_x3\\.4-1986|iso_646\\.irv:1991|ascii|iso646-us|us|ibm367|cp367|csascii)");
    private static final Pattern ISO_CHARSET = Pattern.compile("iso-\\S+-\\S+\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern GOOD_ISO_CHARSET = Pattern.compile("iso-(?:8859-\\d{1,2}|2022-(?:jp|kr))\\b");
    private static final Pattern EPILOGUE_CONTENT = Pattern.compile("[^\\s.]");
    private static final MimeConfig CONFIG = new MimeConfig.Builder()
        .setStrictParsing(false)
        .setMaxLineLen(-1)
        .setMaxHeaderCount(-1)
        .setMaxHeaderLen(-1)
        .setMaxContentLen(-1)
        .build();

    private final MimeFacts.Builder facts = new MimeFacts.Builder();
    private final List<String> charsets = new ArrayList<>();
    private final List<String> htmlSources = new ArrayList<>();
    private final List<String> leafTypes = new ArrayList<>();
    private final List<Long> leafTextBytes = new ArrayList<>();
    private long quotedPrintableBytes;
    private long quotedPrintableEncoded;
    private long normalChars;
    private long unicodeChars;
    private int textCharsLeft = MAXIMUM_MESSAGE_CHARS;
    /** For every multipart open, whether it is a multipart/alternative. */
    private final Deque<Boolean> openMultiparts = new ArrayDeque<>();
    /** The text parts of each multipart/alternative open: HTML sources then other texts. */
    private final Deque<List<List<String>>> openAlternatives = new ArrayDeque<>();
    private final List<AlternativeTexts> alternatives = new ArrayList<>();
    private int parts;
    private int fieldCount;
    private boolean inBodyPart;
    private String disposition = "";

    private MimeScan() {
    }

    /** Scans the message; a message mime4j cannot follow gives the facts gathered so far. */
    static MimeFacts of(MessageFeatures features) {
        return new MimeScan().scan(bytesOf(features.full()));
    }

    /** The full text back as bytes: Latin-1 when it fits (it was read so), UTF-8 otherwise. */
    private static byte[] bytesOf(String full) {
        for (int i = 0; i < full.length(); i++) {
            if (full.charAt(i) > 0xff) {
                return full.getBytes(StandardCharsets.UTF_8);
            }
        }
        return full.getBytes(StandardCharsets.ISO_8859_1);
    }

    private MimeFacts scan(byte[] bytes) {
        MimeTokenStream stream = new MimeTokenStream(CONFIG, DecodeMonitor.SILENT,
            new DefaultBodyDescriptorBuilder(null, LenientFieldParser.getParser(), DecodeMonitor.SILENT));
        stream.parse(new ByteArrayInputStream(bytes));
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                if (!onToken(stream, state)) {
                    break;
                }
            }
        } catch (MimeException | IOException | RuntimeException e) {
            LOGGER.debug("MIME scan stopped early: {}", e.toString());
        }
        return finish();
    }

    private boolean onToken(MimeTokenStream stream, EntityState state) throws IOException {
        switch (state) {
            case T_START_MESSAGE:
                inBodyPart = false;
                return true;
            case T_START_BODYPART:
                inBodyPart = true;
                parts++;
                if (parts >= MAXIMUM_PARTS) {
                    facts.partLimitExceeded = true;
                    return false;
                }
                return true;
            case T_START_HEADER:
                fieldCount = 0;
                disposition = "";
                return true;
            case T_FIELD:
                onField(stream.getField());
                return true;
            case T_END_HEADER:
                if (inBodyPart && fieldCount == 0) {
                    facts.missingMimeHeaders = true;
                }
                return true;
            case T_START_MULTIPART:
                onPartHeader(stream.getBodyDescriptor());
                onStartMultipart(lower(stream.getBodyDescriptor().getMimeType()));
                return true;
            case T_END_MULTIPART:
                onEndMultipart();
                return true;
            case T_EPILOGUE:
                onEpilogue(stream.getInputStream());
                return true;
            case T_BODY:
                onLeaf(stream.getBodyDescriptor(), stream.getInputStream());
                return true;
            default:
                return true;
        }
    }

    private void onField(Field field) {
        fieldCount++;
        if (field != null && field.getName() != null && field.getName().equalsIgnoreCase("Content-Disposition")) {
            String body = field.getBody();
            disposition = body == null ? "" : body.trim().toLowerCase(Locale.ROOT);
        }
    }

    private void onStartMultipart(String type) {
        boolean alternative = type.equals("multipart/alternative");
        openMultiparts.push(alternative);
        if (alternative) {
            openAlternatives.push(List.of(new ArrayList<>(), new ArrayList<>()));
        }
    }

    private void onEndMultipart() {
        Boolean alternative = openMultiparts.poll();
        if (alternative != null && alternative) {
            List<List<String>> texts = openAlternatives.pop();
            alternatives.add(new AlternativeTexts(texts.get(0), texts.get(1)));
        }
    }

    private void onEpilogue(InputStream epilogue) throws IOException {
        String text = new String(epilogue.readAllBytes(), StandardCharsets.ISO_8859_1);
        if (EPILOGUE_CONTENT.matcher(text).find()) {
            facts.epilogueExists = true;
        }
    }

    /** SpamAssassin's {@code _check_mime_header}: counts by the part's declared type and encoding. */
    private void onPartHeader(BodyDescriptor descriptor) {
        String type = lower(descriptor.getMimeType());
        String encoding = lower(descriptor.getTransferEncoding());
        String charset = lower(descriptor.getCharset());
        if (type.equals("multipart/alternative")) {
            facts.multipartAlternative = true;
        }
        if (type.equals("text/html")) {
            facts.htmlBodyCount++;
        } else if (type.startsWith("text")) {
            facts.textBodyCount++;
        }
        if (encoding.contains("base64")) {
            facts.base64Count++;
        } else if (encoding.contains("quoted-printable")) {
            facts.quotedPrintableCount++;
        }
        if (disposition.contains("attachment")) {
            facts.attachmentCount++;
        }
        if (type.startsWith("text") && encoding.contains("base64")
            && (charset.isEmpty() || ASCII_CHARSETS.matcher(charset).find())
            && !disposition.startsWith("attachment") && !disposition.startsWith("inline")) {
            facts.base64EncodedText = true;
        }
        if (ISO_CHARSET.matcher(charset).find() && !GOOD_ISO_CHARSET.matcher(charset).find()) {
            facts.badIsoCharset = true;
        }
        if (charset.chars().anyMatch(Character::isLetter)) {
            charsets.add(charset);
        }
    }

    private void onLeaf(BodyDescriptor descriptor, InputStream body) throws IOException {
        onPartHeader(descriptor);
        String type = lower(descriptor.getMimeType());
        String encoding = lower(descriptor.getTransferEncoding());
        String charset = lower(descriptor.getCharset());
        byte[] raw = body.readAllBytes();
        boolean attachment = disposition.contains("attachment");
        long textBytes = 0;
        if (type.startsWith("text/") || encoding.equals("quoted-printable")) {
            textBytes = scanTextLines(raw, type, encoding, charset, attachment);
        } else if (encoding.equals("base64") && !type.equals("application/ics")) {
            facts.longestBase64Line = Math.max(facts.longestBase64Line, longestLine(raw) + 1);
        }
        if (!attachment) {
            leafTypes.add(type);
            leafTextBytes.add(textBytes);
        }
        boolean html = type.equals("text/html");
        boolean alternativeText = type.startsWith("text") && !openAlternatives.isEmpty();
        if ((html || alternativeText) && textCharsLeft > 0) {
            String text = decode(raw, encoding, charset);
            int cap = Math.min(MAXIMUM_PART_CHARS, textCharsLeft);
            text = text.length() > cap ? text.substring(0, cap) : text;
            textCharsLeft -= text.length();
            if (html) {
                htmlSources.add(text);
            }
            for (List<List<String>> texts : openAlternatives) {
                texts.get(html ? 0 : 1).add(text);
            }
        }
    }

    /** The line checks of a text or quoted-printable part; returns the bytes counted for the alternative ratio. */
    private long scanTextLines(byte[] raw, String type, String encoding, String charset, boolean attachment) {
        boolean countTextBytes = facts.multipartAlternative && !attachment
            && (type.equals("text/plain") || type.equals("text/html"));
        boolean plain = type.equals("text/plain");
        boolean asciiCharset = charset.isEmpty() || charset.equals("us-ascii");
        // one matcher for the part's lines
        Matcher entities = plain && (encoding.equals("7bit") || encoding.equals("8bit")) ? UNICODE_ENTITY.matcher("") : null;
        long textBytes = 0;
        for (String line : lines(raw)) {
            if (countTextBytes) {
                textBytes += line.length() + 1;
            }
            if (encoding.equals("quoted-printable") && !line.startsWith("SPAM: ")) {
                onQuotedPrintableLine(line);
            }
            if (plain && asciiCharset && holdsIllegalAscii(line)) {
                facts.asciiTextIllegalLines++;
            }
            if (entities != null) {
                int count = 0;
                if (line.contains("&#x")) {
                    entities.reset(line);
                    while (entities.find()) {
                        count++;
                    }
                }
                unicodeChars += count;
                normalChars += line.length() + 1 - count * 8L;
            }
            if (encoding.equals("base64") && !type.equals("application/ics")) {
                facts.longestBase64Line = Math.max(facts.longestBase64Line, line.length() + 1);
            }
        }
        return textBytes;
    }

    /** Whether the line holds a NUL, a carriage return or a character beyond ASCII. */
    private static boolean holdsIllegalAscii(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == 0 || c == '\r' || c >= 0x80) {
                return true;
            }
        }
        return false;
    }

    /** The length of the longest line, line ends not counted. */
    private static int longestLine(byte[] raw) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '\n') {
                int end = i > start && raw[i - 1] == '\r' ? i - 1 : i;
                longest = Math.max(longest, end - start);
                start = i + 1;
            }
        }
        return longest;
    }

    private void onQuotedPrintableLine(String line) {
        if (line.length() > QP_MAXIMUM_LINE) {
            facts.quotedPrintableLongLine = true;
        }
        quotedPrintableBytes += line.length() + 1;
        if (line.indexOf('=') < 0) {
            return;
        }
        Matcher encoded = QP_ENCODED_PRINTABLE.matcher(line);
        int count = 0;
        while (encoded.find()) {
            count++;
        }
        if (count > 0) {
            Matcher trailing = QP_TRAILING_SPACES.matcher(line);
            if (trailing.find()) {
                count -= trailing.group(1).length() / 3;
            }
            quotedPrintableEncoded += count;
        }
    }

    private MimeFacts finish() {
        if (quotedPrintableBytes > 0) {
            facts.quotedPrintableCount = (int) Math.min(Integer.MAX_VALUE, quotedPrintableEncoded);
        }
        if (normalChars > 0) {
            facts.textUnicodeRatio = (double) unicodeChars / normalChars;
        }
        if (facts.multipartAlternative) {
            Long text = null;
            Long html = null;
            for (int i = leafTypes.size() - 1; i >= 0 && (text == null || html == null); i--) {
                if (html == null && leafTypes.get(i).equals("text/html")) {
                    html = leafTextBytes.get(i);
                } else if (text == null && leafTypes.get(i).equals("text/plain")) {
                    text = leafTextBytes.get(i);
                }
            }
            if (text != null && html != null && html > 0) {
                facts.multipartRatio = (double) text / html;
            }
        }
        facts.charsets = charsets;
        facts.htmlSources = htmlSources;
        while (!openMultiparts.isEmpty()) {
            onEndMultipart();
        }
        facts.alternatives = alternatives;
        return facts.build();
    }

    /** The body's lines, line ends removed; bytes read as Latin-1, one char per byte. */
    private static List<String> lines(byte[] raw) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '\n') {
                int end = i > start && raw[i - 1] == '\r' ? i - 1 : i;
                if (i < raw.length || end > start) {
                    lines.add(new String(raw, start, end - start, StandardCharsets.ISO_8859_1));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static String decode(byte[] raw, String encoding, String charset) throws IOException {
        InputStream in = new ByteArrayInputStream(raw);
        if (encoding.equals("base64")) {
            in = new Base64InputStream(in, DecodeMonitor.SILENT);
        } else if (encoding.equals("quoted-printable")) {
            in = new QuotedPrintableInputStream(in, DecodeMonitor.SILENT);
        }
        byte[] decoded = in.readNBytes(MAXIMUM_PART_CHARS * 4);
        return new String(decoded, charsetOrLatin1(charset));
    }

    private static Charset charsetOrLatin1(String name) {
        try {
            return name.isEmpty() || name.equals("us-ascii") ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
