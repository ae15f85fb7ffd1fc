package org.cleanmail.core.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.hash.Hashing;
import com.google.common.hash.HashingInputStream;
import com.google.common.io.ByteStreams;
import com.google.common.io.CountingInputStream;

/**
 * One parse of one message: walks mime4j's token stream, keeps the top-level header,
 * decodes text parts within the limits and gathers text, URIs and structure. Not
 * thread-safe and not reusable: {@link MessageParser} makes one per message.
 */
final class ParseSession {
    private static final Logger LOGGER = LoggerFactory.getLogger(ParseSession.class);

    private final ParserLimits limits;
    private final MimeConfig config;
    private final Set<LimitHit> limitsHit = EnumSet.noneOf(LimitHit.class);
    private final Set<MimeDefect> defects = EnumSet.noneOf(MimeDefect.class);
    private final DefectMonitor monitor = new DefectMonitor(defects);
    private final List<HeaderField> topHeaders = new ArrayList<>();
    /** The header fields of every entity, top first, in SpamAssassin's part order (depth first). */
    private final List<List<HeaderField>> entityHeaders = new ArrayList<>();
    private final List<MimePart> parts = new ArrayList<>();
    private final List<String> multipartTypes = new ArrayList<>();
    private final List<String> renderedTexts = new ArrayList<>();
    private final List<String> rawTexts = new ArrayList<>();
    private final UriCollector uris;
    private final HeaderFieldReader headerReader;
    private final Deque<Entity> entities = new ArrayDeque<>();
    private HtmlStats htmlStats = HtmlStats.none();
    private final Map<String, Document> parsedHtml = new HashMap<>();
    private long textBytesLeft;
    private long partHeaderCharsLeft;
    private int entityCount;

    ParseSession(ParserLimits limits, MimeConfig config) {
        this.limits = limits;
        this.config = config;
        this.textBytesLeft = limits.maxTextBytes();
        this.partHeaderCharsLeft = limits.maxPartHeaderBytes();
        this.uris = new UriCollector(limits.maxUris());
        this.headerReader = new HeaderFieldReader(limits.maxHeaderBytes());
    }

    MessageFeatures parse(byte[] bytes, boolean inputTruncated) {
        int offset = mboxEnvelopeLength(bytes);
        int length = bytes.length - offset;
        if (inputTruncated || length > limits.maxMessageBytes()) {
            limitsHit.add(LimitHit.MESSAGE_BYTES);
            length = Math.min(length, limits.maxMessageBytes());
        }
        String full = TextDecoding.decodeFull(bytes, offset, length);
        int strayLine = HeaderSection.strayLine(bytes, offset, length);
        if (strayLine < 0) {
            walk(new ByteArrayInputStream(bytes, offset, length));
        } else {
            defects.add(MimeDefect.MALFORMED_HEADER);
            walk(new ByteArrayInputStream(HeaderSection.withBlankLineAt(bytes, offset, length, strayLine)));
        }

        if (uris.limitHit()) {
            limitsHit.add(LimitHit.URI_COUNT);
        }
        MessageHeaders headers = new MessageHeaders(topHeaders);
        List<MessageHeaders> partHeaders = new ArrayList<>(entityHeaders.size());
        for (List<HeaderField> fields : entityHeaders) {
            partHeaders.add(fields == topHeaders ? headers : new MessageHeaders(fields));
        }
        if (partHeaders.isEmpty()) {
            partHeaders.add(headers);
        }
        return new MessageFeatures(headers, renderedBody(headers), rawBody(), full, uris.toMessageUris(),
            new MimeStructure(parts, multipartTypes, htmlStats), partHeaders, HeaderFacts.of(headers), limitsHit,
            defects, parsedHtml);
    }

    /** The length of a leading mbox {@code From } line, 0 when there is none. */
    private static int mboxEnvelopeLength(byte[] bytes) {
        if (bytes.length < 5 || bytes[0] != 'F' || bytes[1] != 'r' || bytes[2] != 'o' || bytes[3] != 'm'
            || bytes[4] != ' ') {
            return 0;
        }
        for (int i = 5; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length;
    }

    private void walk(InputStream in) {
        MimeTokenStream stream = new MimeTokenStream(config, monitor,
            new DefaultBodyDescriptorBuilder(null, LenientFieldParser.getParser(), DecodeMonitor.SILENT));
        stream.parse(in);
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                if (!onToken(stream, state)) {
                    stream.stop();
                    return;
                }
            }
        } catch (MimeException | IOException e) {
            defects.add(MimeDefect.BROKEN_STRUCTURE);
            LOGGER.debug("Stopped parsing a malformed message: {}", e.getMessage());
        } catch (RuntimeException e) {
            defects.add(MimeDefect.BROKEN_STRUCTURE);
            LOGGER.debug("Stopped parsing a message that mime4j could not follow", e);
        }
    }

    /** Handles one token; false to stop parsing. */
    private boolean onToken(MimeTokenStream stream, EntityState state) throws IOException {
        switch (state) {
            case T_START_MESSAGE:
                pushEntity(entities.isEmpty() ? 0 : entities.peek().depth + 1, entities.isEmpty());
                return true;
            case T_START_BODYPART:
                entityCount++;
                if (entityCount > limits.maxParts()) {
                    limitsHit.add(LimitHit.PART_COUNT);
                    return false;
                }
                if (!entities.isEmpty()) {
                    entities.peek().children++;
                }
                pushEntity(entities.isEmpty() ? 0 : entities.peek().depth + 1, false);
                return true;
            case T_END_MESSAGE:
            case T_END_BODYPART:
                entities.poll();
                return true;
            case T_START_HEADER:
                // Deeper than the limit, a multipart is one opaque body: its parts are never parsed.
                stream.setRecursionMode(
                    currentDepth() > limits.maxDepth() ? RecursionMode.M_FLAT : RecursionMode.M_RECURSE);
                return true;
            case T_FIELD:
                onField(stream, stream.getField());
                return true;
            case T_START_MULTIPART:
                multipartTypes.add(lower(stream.getBodyDescriptor().getMimeType(), "multipart/mixed"));
                return true;
            case T_PREAMBLE:
                onPreamble(stream);
                return true;
            case T_END_MULTIPART:
                onEndMultipart();
                return true;
            case T_BODY:
                onBody(stream);
                return true;
            default:
                return true;
        }
    }

    private void pushEntity(int depth, boolean top) {
        Entity entity = new Entity(depth, top, top ? topHeaders : new ArrayList<>());
        entities.push(entity);
        entityHeaders.add(entity.fields);
    }

    private int currentDepth() {
        return entities.isEmpty() ? 0 : entities.peek().depth;
    }

    private void onField(MimeTokenStream stream, Field field) {
        Entity entity = entities.peek();
        if (entity == null || field == null) {
            return;
        }
        if (field instanceof ContentTypeField) {
            ContentTypeField contentType = (ContentTypeField) field;
            String boundary = contentType.getBoundary();
            if (contentType.isMultipart() && (boundary == null || boundary.isEmpty())) {
                defects.add(MimeDefect.MISSING_BOUNDARY);
                stream.setRecursionMode(RecursionMode.M_FLAT);
            }
        }
        entity.headerCount++;
        if (entity.headerCount > limits.maxHeaders()) {
            limitsHit.add(LimitHit.HEADER_COUNT);
            return;
        }
        if (entity.top) {
            topHeaders.add(headerReader.read(field, limitsHit, defects));
        } else if (partHeaderCharsLeft > 0) {
            HeaderField read = headerReader.read(field, limitsHit, defects);
            partHeaderCharsLeft -= read.name().length() + read.folded().length() + 2;
            entity.fields.add(read);
        } else {
            limitsHit.add(LimitHit.PART_HEADER_BYTES);
        }
    }

    /** Keeps the preamble, the text of a multipart whose boundary never shows up. */
    private void onPreamble(MimeTokenStream stream) throws IOException {
        Entity entity = entities.peek();
        if (entity != null && textBytesLeft > 0) {
            entity.preamble = stream.getInputStream().readNBytes((int) Math.min(limits.maxPartBytes(), textBytesLeft));
        }
    }

    /** A multipart without any part is read as the text it holds, so that body rules still see it. */
    private void onEndMultipart() {
        Entity entity = entities.peek();
        if (entity != null && entity.children == 0 && entity.preamble != null && entity.preamble.length > 0) {
            addText(entity.preamble, "text/plain", Optional.empty());
        }
    }

    private void onBody(MimeTokenStream stream) throws IOException {
        BodyDescriptor descriptor = stream.getBodyDescriptor();
        String mimeType = lower(descriptor.getMimeType(), "text/plain");
        String encoding = lower(descriptor.getTransferEncoding(), "7bit");
        Map<String, String> parameters = descriptor instanceof MaximalBodyDescriptor
            ? ((MaximalBodyDescriptor) descriptor).getContentTypeParameters() : Map.of();
        Optional<String> charset = Optional.ofNullable(parameters.get("charset")).map(c -> lower(c, ""));
        Optional<String> filename = filename(descriptor, parameters);
        boolean attachment = filename.isPresent() || descriptor instanceof MaximalBodyDescriptor
            && "attachment".equalsIgnoreCase(((MaximalBodyDescriptor) descriptor).getContentDispositionType());

        if (mimeType.startsWith("multipart/") || mimeType.equals("message/rfc822")) {
            if (currentDepth() > limits.maxDepth()) {
                limitsHit.add(LimitHit.NESTING_DEPTH);
            }
        }
        CountingInputStream raw = new CountingInputStream(stream.getInputStream());
        Optional<String> sha256 = Optional.empty();
        if (mimeType.startsWith("text/")) {
            readText(raw, encoding, mimeType, charset);
        } else if (attachment) {
            sha256 = contentHash(raw, encoding);
        }
        ByteStreams.exhaust(raw);
        parts.add(new MimePart(mimeType, charset, encoding, filename, attachment, raw.getCount(), currentDepth(), sha256));
    }

    /** SHA-256 of an attachment's decoded content, when it fits the part limit (a cut file has no exact hash). */
    private Optional<String> contentHash(InputStream raw, String encoding) throws IOException {
        HashingInputStream hashing = new HashingInputStream(Hashing.sha256(), decoder(raw, encoding));
        long read = ByteStreams.copy(ByteStreams.limit(hashing, limits.maxPartBytes()), ByteStreams.nullOutputStream());
        if (read == limits.maxPartBytes() && hashing.read() != -1) {
            limitsHit.add(LimitHit.PART_BYTES);
            return Optional.empty();
        }
        return Optional.of(hashing.hash().toString());
    }

    private void readText(InputStream raw, String encoding, String mimeType, Optional<String> charset)
        throws IOException {
        if (textBytesLeft <= 0) {
            limitsHit.add(LimitHit.TEXT_BYTES);
            return;
        }
        int cap = (int) Math.min(limits.maxPartBytes(), textBytesLeft);
        InputStream decoded = decoder(raw, encoding);
        byte[] bytes = decoded.readNBytes(cap);
        if (decoded.read() != -1) {
            limitsHit.add(cap < limits.maxPartBytes() ? LimitHit.TEXT_BYTES : LimitHit.PART_BYTES);
        }
        addText(bytes, mimeType, charset);
    }

    private void addText(byte[] bytes, String mimeType, Optional<String> charset) {
        textBytesLeft -= bytes.length;
        if (charset.isPresent() && !TextDecoding.isKnown(charset.get())) {
            defects.add(MimeDefect.UNKNOWN_CHARSET);
        }
        String text = TextDecoding.decode(bytes, bytes.length, charset.orElse(null));
        rawTexts.add(text);
        if (mimeType.equals("text/html")) {
            RenderedHtml html = HtmlRendering.render(text, limits.maxHtmlBytes());
            if (html.truncated()) {
                limitsHit.add(LimitHit.HTML_SIZE);
            }
            htmlStats = htmlStats.plus(html.stats());
            parsedHtml.putIfAbsent(html.parsedSource(), html.document());
            renderedTexts.add(html.text());
            html.links().forEach(uris::add);
            uris.addFromText(html.text());
        } else {
            renderedTexts.add(text);
            uris.addFromText(text);
        }
    }

    private InputStream decoder(InputStream raw, String encoding) {
        if (encoding.equals("base64")) {
            return new Base64InputStream(raw, monitor);
        }
        if (encoding.equals("quoted-printable")) {
            return new QuotedPrintableInputStream(raw, monitor);
        }
        return raw;
    }

    private Optional<String> filename(BodyDescriptor descriptor, Map<String, String> parameters) {
        String name = null;
        if (descriptor instanceof MaximalBodyDescriptor) {
            name = ((MaximalBodyDescriptor) descriptor).getContentDispositionFilename();
        }
        if (name == null || name.isBlank()) {
            name = parameters.get("name");
        }
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(HeaderFieldReader.decode(name.trim(), defects));
    }

    private BodyText renderedBody(MessageHeaders headers) {
        StringBuilder text = new StringBuilder();
        headers.first("Subject").filter(subject -> !subject.isBlank())
            .ifPresent(subject -> text.append(subject).append("\n\n"));
        for (String part : renderedTexts) {
            text.append(part).append("\n\n");
        }
        return new BodyText(BodyChunking.paragraphs(text.toString()));
    }

    private BodyText rawBody() {
        List<String> lines = new ArrayList<>();
        for (String part : rawTexts) {
            lines.addAll(BodyChunking.lines(part));
        }
        return new BodyText(lines);
    }

    private static String lower(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim().toLowerCase(Locale.ROOT);
    }

    /** Where the walk is: an entity's depth, its fields, how many fields and parts it had, its preamble. */
    private static final class Entity {
        private final int depth;
        private final boolean top;
        private final List<HeaderField> fields;
        private int headerCount;
        private int children;
        private byte[] preamble;

        Entity(int depth, boolean top, List<HeaderField> fields) {
            this.depth = depth;
            this.top = top;
            this.fields = fields;
        }
    }
}
