package org.cleanmail.core.message;

import java.util.Objects;

import org.apache.james.mime4j.stream.MimeConfig;
import org.cleanmail.core.scan.RawMessage;

/**
 * Parses a message as received into the {@link MessageFeatures} that rules match. Uses
 * mime4j's token stream in lenient mode and jsoup for HTML. Malformed or hostile input
 * never makes it throw: the {@link ParserLimits} bound the work, and the features record
 * which limits were reached and which defects were met. Thread-safe: one parser serves
 * every thread.
 */
public final class MessageParser {
    private static final MessageParser DEFAULT = new MessageParser(ParserLimits.defaults());

    private final ParserLimits limits;
    private final MimeConfig config;

    public MessageParser(ParserLimits limits) {
        this.limits = Objects.requireNonNull(limits, "parser limits");
        this.config = new MimeConfig.Builder()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderCount(-1)
            .setMaxHeaderLen(-1)
            .setMaxContentLen(-1)
            .setMalformedHeaderStartsBody(true)
            .build();
    }

    /** A parser with the default limits. */
    public static MessageParser defaultParser() {
        return DEFAULT;
    }

    public ParserLimits limits() {
        return limits;
    }

    /** Parses the message; a message that was cut when read is marked {@link LimitHit#MESSAGE_BYTES}. */
    public MessageFeatures parse(RawMessage message) {
        return new ParseSession(limits, config).parse(message.bytes(), message.truncated());
    }

    /** Parses raw message bytes, possibly starting with an mbox {@code From } line. */
    public MessageFeatures parse(byte[] message) {
        return new ParseSession(limits, config).parse(message, false);
    }
}
