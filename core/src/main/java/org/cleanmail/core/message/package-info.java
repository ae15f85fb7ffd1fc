/**
 * Turns a received message into what SpamAssassin-style rules look at.
 *
 * <p>{@link org.cleanmail.core.message.MessageParser} parses a
 * {@link org.cleanmail.core.scan.RawMessage} with mime4j and jsoup into immutable
 * {@link org.cleanmail.core.message.MessageFeatures}: header fields raw and decoded, the
 * rendered body as paragraphs, the raw body as lines, the full text, normalized URIs with
 * their hosts and domains, the MIME structure and basic header facts. Every step is capped
 * by {@link org.cleanmail.core.message.ParserLimits}; a capped message says which
 * {@link org.cleanmail.core.message.LimitHit limits} it reached. Malformed input is never
 * an error: it is parsed as far as it goes and its
 * {@link org.cleanmail.core.message.MimeDefect defects} are recorded.
 */
package org.cleanmail.core.message;
