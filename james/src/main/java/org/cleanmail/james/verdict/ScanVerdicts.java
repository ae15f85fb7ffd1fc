package org.cleanmail.james.verdict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.core.scan.StatusLine;
import org.cleanmail.james.CleanMailAttributes;

/**
 * Records a scan result on a mail as the {@code org.cleanmail.*} attributes
 * ({@link CleanMailAttributes}) and reads it back. Whoever scans first (the SMTP hook that
 * may reject at the end of DATA, or the {@code ScoreMessage} mailet) records the result with
 * the digest of the bytes it scanned; a later scorer reuses it only when the message still
 * has those bytes, so a message is scanned once and a modified one is scanned again.
 */
public final class ScanVerdicts {
    /** Verdict headers CleanMail writes; on incoming mail they are forgeries and are removed before scanning. */
    public static final List<String> VERDICT_HEADERS = List.of("X-CleanMail-Score", "X-CleanMail-Status");

    private static final String NAME = "name";
    private static final String SCORE = "score";
    private static final String DESCRIPTION = "description";
    private static final String DETAIL = "detail";

    private ScanVerdicts() {
    }

    /** Removes forged verdict headers; the message is changed only when it has one. */
    public static void removeForgedHeaders(MimeMessage message) throws MessagingException {
        for (String header : VERDICT_HEADERS) {
            if (message.getHeader(header) != null) {
                message.removeHeader(header);
            }
        }
    }

    /** The SHA-256 of the scanned bytes, in hexadecimal; a truncated read is marked so. */
    public static String digest(RawMessage raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(raw.bytes());
            sha.update((raw.truncated() ? "T" : "F").getBytes(StandardCharsets.US_ASCII));
            StringBuilder hex = new StringBuilder();
            for (byte b : sha.digest()) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * Records {@code result} on the mail: score, hit names and details, whether it reaches
     * {@code threshold}, the status line, and the digest of the scanned bytes.
     */
    public static void record(Mail mail, ScanResult result, double threshold, String digest) {
        mail.setAttribute(new Attribute(CleanMailAttributes.SCORE, AttributeValue.of(result.score())));
        mail.setAttribute(new Attribute(CleanMailAttributes.HITS, AttributeValue.of(result.hitNames().stream()
            .map(AttributeValue::of)
            .collect(Collectors.<AttributeValue<?>>toList()))));
        mail.setAttribute(new Attribute(CleanMailAttributes.HIT_DETAILS, AttributeValue.of(result.hits().stream()
            .map(ScanVerdicts::hitValue)
            .collect(Collectors.<AttributeValue<?>>toList()))));
        mail.setAttribute(new Attribute(CleanMailAttributes.SPAM, AttributeValue.of(result.reaches(threshold))));
        mail.setAttribute(new Attribute(CleanMailAttributes.STATUS, AttributeValue.of(StatusLine.of(result, threshold))));
        mail.setAttribute(new Attribute(CleanMailAttributes.SCANNED_DIGEST, AttributeValue.of(digest)));
    }

    /** The recorded result when it was reached on exactly these bytes; empty otherwise. */
    public static Optional<ScanResult> reusable(Mail mail, RawMessage raw) {
        Optional<String> recorded = mail.getAttribute(CleanMailAttributes.SCANNED_DIGEST)
            .flatMap(attribute -> attribute.getValue().valueAs(String.class));
        if (recorded.isEmpty() || !recorded.get().equals(digest(raw))) {
            return Optional.empty();
        }
        return details(mail, raw.truncated());
    }

    /** The score the scoring mailet recorded ({@link CleanMailAttributes#SCORE}); empty when the mail was not scored. */
    public static Optional<Double> score(Mail mail) {
        return mail.getAttribute(CleanMailAttributes.SCORE).flatMap(attribute -> attribute.getValue().valueAs(Double.class));
    }

    /**
     * The recorded result: every hit with its points and description when the details were
     * recorded; otherwise (a mail scored by an older version) the hit names with the total
     * score carried by the first one. Empty when the mail was not scored.
     */
    public static Optional<ScanResult> result(Mail mail) {
        Optional<Double> score = score(mail);
        if (score.isEmpty()) {
            return Optional.empty();
        }
        Optional<ScanResult> details = details(mail, false);
        if (details.isPresent()) {
            return details;
        }
        List<String> names = new ArrayList<>();
        mail.getAttribute(CleanMailAttributes.HITS).ifPresent(attribute -> {
            for (Object item : collection(attribute.getValue().value())) {
                names.add(String.valueOf(unwrap(item)));
            }
        });
        List<RuleHit> hits = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            hits.add(new RuleHit(names.get(i), i == 0 ? score.get() : 0.0, ""));
        }
        if (hits.isEmpty() && score.get() != 0.0) {
            hits.add(new RuleHit("SCORE", score.get(), ""));
        }
        return Optional.of(new ScanResult(hits, false));
    }

    private static Optional<ScanResult> details(Mail mail, boolean truncated) {
        Optional<Attribute> attribute = mail.getAttribute(CleanMailAttributes.HIT_DETAILS);
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        List<RuleHit> hits = new ArrayList<>();
        for (Object item : collection(attribute.get().getValue().value())) {
            Object value = unwrap(item);
            if (!(value instanceof Map)) {
                return Optional.empty();
            }
            Map<?, ?> hit = (Map<?, ?>) value;
            Object name = unwrap(hit.get(NAME));
            Object score = unwrap(hit.get(SCORE));
            if (name == null || !(score instanceof Number)) {
                return Optional.empty();
            }
            Object description = unwrap(hit.get(DESCRIPTION));
            Optional<String> detail = Optional.ofNullable(unwrap(hit.get(DETAIL))).map(String::valueOf);
            hits.add(new RuleHit(String.valueOf(name), ((Number) score).doubleValue(),
                description == null ? "" : String.valueOf(description), detail));
        }
        return Optional.of(new ScanResult(hits, truncated));
    }

    private static AttributeValue<?> hitValue(RuleHit hit) {
        Map<String, AttributeValue<?>> value = new LinkedHashMap<>();
        value.put(NAME, AttributeValue.of(hit.name()));
        value.put(SCORE, AttributeValue.of(hit.score()));
        value.put(DESCRIPTION, AttributeValue.of(hit.description()));
        hit.detail().ifPresent(detail -> value.put(DETAIL, AttributeValue.of(detail)));
        return AttributeValue.of(value);
    }

    private static Collection<?> collection(Object value) {
        return value instanceof Collection ? (Collection<?>) value : List.of();
    }

    private static Object unwrap(Object item) {
        return item instanceof AttributeValue ? ((AttributeValue<?>) item).value() : item;
    }
}
