package org.cleanmail.james.archive;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.cleanmail.archive.model.ArchiveMetadata;
import org.cleanmail.archive.model.Direction;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.sender.TrustedSessions;
import org.cleanmail.james.verdict.ScanVerdicts;

/**
 * What the archive records of a James mail: envelope, direction (outbound when James
 * trusted the session: authenticated, or a client in {@code authorizedAddresses}), remote
 * IP, and, when {@code ScoreMessage} ran before, the verdict ({@code spam} or {@code ham}),
 * score and rule hits.
 */
public final class MailArchiveMetadata {
    public static final String SPAM = "spam";
    public static final String HAM = "ham";

    private MailArchiveMetadata() {
    }

    public static Direction direction(Mail mail) {
        return TrustedSessions.isTrusted(mail) ? Direction.OUTBOUND : Direction.INBOUND;
    }

    /** {@code org.cleanmail.spam}; empty when the mail was not scored. */
    public static Optional<Boolean> spam(Mail mail) {
        return mail.getAttribute(CleanMailAttributes.SPAM).flatMap(attribute -> attribute.getValue().valueAs(Boolean.class));
    }

    public static ArchiveMetadata of(Mail mail, Instant arrival) {
        ArchiveMetadata.Builder builder = ArchiveMetadata.builder(arrival)
            .envelopeSender(mail.getMaybeSender().asOptional().map(MailAddress::asString).orElse(null))
            .envelopeRecipients(mail.getRecipients().stream().map(MailAddress::asString).collect(Collectors.toList()))
            .direction(direction(mail))
            .remoteIp(mail.getRemoteAddr())
            .hits(hits(mail));
        spam(mail).ifPresent(spam -> builder.verdict(spam ? SPAM : HAM));
        ScanVerdicts.score(mail)
            .filter(score -> !score.isNaN() && !score.isInfinite())
            .ifPresent(builder::score);
        return builder.build();
    }

    private static List<String> hits(Mail mail) {
        return mail.getAttribute(CleanMailAttributes.HITS)
            .map(Attribute::getValue)
            .map(AttributeValue::value)
            .filter(Collection.class::isInstance)
            .map(values -> ((Collection<?>) values).stream()
                .map(value -> value instanceof AttributeValue ? ((AttributeValue<?>) value).value() : value)
                .map(String::valueOf)
                .collect(Collectors.toList()))
            .orElse(List.of());
    }
}
