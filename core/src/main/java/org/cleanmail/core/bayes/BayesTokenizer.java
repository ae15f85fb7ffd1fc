package org.cleanmail.core.bayes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.cleanmail.core.message.HeaderField;
import org.cleanmail.core.message.MailAddress;
import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageHeaders;

import com.carrotsearch.hppc.LongHashSet;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

/**
 * A parsed message's tokens for the Bayes filter, each hashed to 64 bits (the database
 * keeps hashes, not words), distinct, sorted. Tokens as SpamAssassin's Bayes tokenises:
 * <ul>
 *   <li>words of the decoded body text (HTML as text), 3 to 15 characters, lower-cased
 *       unless written in capitals (shouting is a sign of its own);
 *       a longer word gives {@code sk:} and its first 7 characters;</li>
 *   <li>words of the subject, prefixed {@code S:};</li>
 *   <li>the sender's address, local part and domain ({@code H*F:}), Reply-To ({@code H*RT:}),
 *       the message id's domain ({@code H*MI:}), the mailer ({@code H*UA:} words of X-Mailer
 *       or User-Agent), the content type ({@code H*CT:});</li>
 *   <li>the words of the other header fields, prefixed by the field's name
 *       ({@code Hlist-id:}, {@code Hreceived:}, ...), but for dates, ids, sizes and what
 *       filters add ({@code X-Spam-*}, {@code X-CleanMail-*}), and the topmost Received
 *       field (the receiving server's own, the same on all mail);</li>
 *   <li>the hosts and domains the message links to ({@code U:}).</li>
 * </ul>
 * At most {@value #MAXIMUM_TOKENS} tokens and {@value #MAXIMUM_BODY_CHARS} body characters
 * are read, so a huge message costs a bounded time. Thread-safe.
 */
public final class BayesTokenizer {
    static final int MAXIMUM_TOKENS = 3_000;
    static final int MAXIMUM_BODY_CHARS = 200_000;
    /** Characters of one header field that are read. */
    private static final int MAXIMUM_HEADER_CHARS = 1_000;
    /**
     * Header fields whose words say nothing of the message (dates, sizes, ids, mailbox
     * state) or that the tokens above already cover, or that filters add.
     */
    private static final Set<String> IGNORED_HEADERS = Set.of("date", "message-id", "content-length", "lines", "status",
        "x-status", "x-uid", "x-keywords", "content-transfer-encoding", "mime-version", "delivered-to",
        "return-path", "x-original-to", "x-virus-scanned", "x-cleanmail-released");
    private static final int SHORTEST_WORD = 3;
    private static final int LONGEST_WORD = 15;
    private static final int SKIPPED_PREFIX = 7;
    private static final HashFunction HASH = Hashing.farmHashFingerprint64();

    /** The message's tokens, hashed, distinct and sorted. */
    public long[] tokens(MessageFeatures features) {
        TokenSink sink = new TokenSink();
        MessageHeaders headers = features.headers();
        headers.first("Subject").ifPresent(subject -> words(subject, "S:", sink, Integer.MAX_VALUE));
        address(headers.addresses("From"), "H*F:", sink);
        address(headers.addresses("Reply-To"), "H*RT:", sink);
        headers.first("Message-ID").flatMap(BayesTokenizer::messageIdDomain).ifPresent(domain -> sink.add("H*MI:" + domain));
        Optional<String> mailer = headers.first("X-Mailer").or(() -> headers.first("User-Agent"));
        mailer.ifPresent(value -> words(value, "H*UA:", sink, LONGEST_WORD * 20));
        headers.first("Content-Type").ifPresent(value -> sink.add("H*CT:" + value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)));
        boolean topmostReceived = true;
        for (HeaderField field : headers.fields()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            if (name.equals("received") && topmostReceived) {
                topmostReceived = false;
                continue;
            }
            if (!IGNORED_HEADERS.contains(name) && !name.startsWith("x-spam-") && !name.startsWith("x-cleanmail-")) {
                words(field.decoded(), "H" + name + ":", sink, MAXIMUM_HEADER_CHARS);
            }
        }
        for (String host : features.uris().hosts()) {
            sink.add("U:" + host.toLowerCase(Locale.ROOT));
        }
        for (String domain : features.uris().domains()) {
            sink.add("U:" + domain.toLowerCase(Locale.ROOT));
        }
        int bodyChars = 0;
        for (String chunk : features.body().chunks()) {
            if (bodyChars >= MAXIMUM_BODY_CHARS || sink.full()) {
                break;
            }
            words(chunk, "", sink, MAXIMUM_BODY_CHARS - bodyChars);
            bodyChars += chunk.length();
        }
        return sink.sorted();
    }

    private static void address(List<MailAddress> addresses, String prefix, TokenSink sink) {
        for (MailAddress address : addresses) {
            String value = address.address().toLowerCase(Locale.ROOT);
            sink.add(prefix + value);
            int at = value.lastIndexOf('@');
            if (at > 0) {
                sink.add(prefix + "u:" + value.substring(0, at));
                sink.add(prefix + "d:" + value.substring(at + 1));
            }
        }
    }

    private static Optional<String> messageIdDomain(String messageId) {
        int at = messageId.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String domain = messageId.substring(at + 1).replace(">", "").trim().toLowerCase(Locale.ROOT);
        return domain.isEmpty() ? Optional.empty() : Optional.of(domain);
    }

    /** Splits on whatever is not part of a word: letters, digits, and {@code $ ' - . ! @} inside one. */
    private static void words(String text, String prefix, TokenSink sink, int maximumChars) {
        int end = Math.min(text.length(), maximumChars);
        int start = -1;
        for (int i = 0; i <= end; i++) {
            boolean wordChar = i < end && isWordChar(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                word(text, start, i, prefix, sink);
                start = -1;
                if (sink.full()) {
                    return;
                }
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '$' || c == '\'' || c == '-' || c == '.' || c == '!' || c == '@'
            || c == '_';
    }

    private static void word(String text, int start, int end, String prefix, TokenSink sink) {
        int from = start;
        int to = end;
        while (from < to && isTrimmed(text.charAt(from))) {
            from++;
        }
        while (to > from && isTrimmed(text.charAt(to - 1))) {
            to--;
        }
        int length = to - from;
        if (length < SHORTEST_WORD) {
            return;
        }
        String word = caseKept(text.substring(from, to));
        if (length > LONGEST_WORD) {
            sink.add(prefix + "sk:" + word.substring(0, SKIPPED_PREFIX));
        } else {
            sink.add(prefix + word);
        }
    }

    /** Shouting is a sign: a word without lower-case letters keeps its case, others are lower-cased. */
    private static String caseKept(String word) {
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
        }
        return upper && !lower ? word : word.toLowerCase(Locale.ROOT);
    }

    /** Punctuation kept inside a word but not at its ends ("end." gives "end"; "$100" keeps its "$"). */
    private static boolean isTrimmed(char c) {
        return c == '\'' || c == '-' || c == '.' || c == '@' || c == '_';
    }

    static long hash(String token) {
        return HASH.hashString(token, StandardCharsets.UTF_8).asLong();
    }

    private static final class TokenSink {
        private final LongHashSet hashes = new LongHashSet();

        void add(String token) {
            if (!full()) {
                hashes.add(hash(token));
            }
        }

        boolean full() {
            return hashes.size() >= MAXIMUM_TOKENS;
        }

        long[] sorted() {
            long[] array = hashes.toArray();
            Arrays.sort(array);
            return array;
        }
    }
}
