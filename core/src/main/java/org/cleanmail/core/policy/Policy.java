package org.cleanmail.core.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of one scope (global, a domain, a group, a user). Every field is optional:
 * an unset field is inherited from a less specific scope (see {@link PolicyResolver}).
 * Immutable; built and validated by {@link Builder#build()}.
 *
 * <p>Rules checked on build:
 * <ul>
 *   <li>thresholds are finite numbers, and {@code certainSpamThreshold} is at least
 *       {@code spamThreshold} when a policy sets both;</li>
 *   <li>no action field may be {@code DELIVER}; {@code virusAction} is {@code QUARANTINE}
 *       or {@code DELETE} (a virus is never delivered); {@code REJECT} is for
 *       {@code spamAction} and {@code certainSpamAction} only (viruses and banned content are
 *       not looked for during the SMTP session);</li>
 *   <li>{@code subjectPrefix} has at most {@value #MAX_SUBJECT_PREFIX_LENGTH} characters
 *       and no line break or control character (empty means no prefix);</li>
 *   <li>{@code quarantineRetentionDays} is between 1 and {@value #MAX_RETENTION_DAYS}.</li>
 * </ul>
 * {@code REJECT} is honoured only when the decision is made before the end of DATA; see
 * {@link DispositionAction#REJECT}.
 */
public final class Policy {
    public static final int MAX_SUBJECT_PREFIX_LENGTH = 64;
    public static final int MAX_RETENTION_DAYS = 365;

    private static final Set<DispositionAction> SPAM_ACTIONS = EnumSet.complementOf(EnumSet.of(DispositionAction.DELIVER));
    /**
     * Viruses and banned content are not looked for during the SMTP session (their
     * scanners run after James accepted the mail), so {@code REJECT} could never apply.
     */
    private static final Set<DispositionAction> VIRUS_ACTIONS =
        EnumSet.of(DispositionAction.QUARANTINE, DispositionAction.DELETE);
    private static final Set<DispositionAction> BANNED_CONTENT_ACTIONS =
        EnumSet.complementOf(EnumSet.of(DispositionAction.DELIVER, DispositionAction.REJECT));
    private static final String NOT_AT_SMTP_TIME = "; REJECT needs a verdict before the end of DATA, and only spam"
        + " scoring runs that early";
    private static final Policy EMPTY = builder().build();

    private final Map<PolicyField, Object> values;

    private Policy(EnumMap<PolicyField, Object> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A policy that sets nothing. */
    public static Policy empty() {
        return EMPTY;
    }

    /** The built-in defaults, used for whatever no scope sets: every field is set. */
    public static Policy builtInDefaults() {
        return BuiltInDefaults.POLICY;
    }

    /** The field's value when this policy sets it; its type is {@link PolicyField#type()}. */
    public Optional<Object> get(PolicyField field) {
        return Optional.ofNullable(values.get(field));
    }

    /** The fields this policy sets, with their values. */
    public Map<PolicyField, Object> values() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Optional<Double> spamThreshold() {
        return typed(PolicyField.SPAM_THRESHOLD, Double.class);
    }

    public Optional<Double> certainSpamThreshold() {
        return typed(PolicyField.CERTAIN_SPAM_THRESHOLD, Double.class);
    }

    public Optional<DispositionAction> spamAction() {
        return typed(PolicyField.SPAM_ACTION, DispositionAction.class);
    }

    public Optional<DispositionAction> certainSpamAction() {
        return typed(PolicyField.CERTAIN_SPAM_ACTION, DispositionAction.class);
    }

    public Optional<DispositionAction> virusAction() {
        return typed(PolicyField.VIRUS_ACTION, DispositionAction.class);
    }

    public Optional<DispositionAction> bannedContentAction() {
        return typed(PolicyField.BANNED_CONTENT_ACTION, DispositionAction.class);
    }

    public Optional<String> subjectPrefix() {
        return typed(PolicyField.SUBJECT_PREFIX, String.class);
    }

    public Optional<Boolean> addCleanMailHeaders() {
        return typed(PolicyField.ADD_CLEANMAIL_HEADERS, Boolean.class);
    }

    public Optional<Boolean> addSpamAssassinHeaders() {
        return typed(PolicyField.ADD_SPAM_ASSASSIN_HEADERS, Boolean.class);
    }

    public Optional<Boolean> attachReport() {
        return typed(PolicyField.ATTACH_REPORT, Boolean.class);
    }

    public Optional<Integer> quarantineRetentionDays() {
        return typed(PolicyField.QUARANTINE_RETENTION_DAYS, Integer.class);
    }

    public Optional<Boolean> usersMayRelease() {
        return typed(PolicyField.USERS_MAY_RELEASE, Boolean.class);
    }

    public Optional<Boolean> personalListsEnabled() {
        return typed(PolicyField.PERSONAL_LISTS_ENABLED, Boolean.class);
    }

    /** A builder holding this policy's values, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.values.putAll(values);
        return builder;
    }

    private <T> Optional<T> typed(PolicyField field, Class<T> type) {
        return get(field).map(type::cast);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Policy)) {
            return false;
        }
        return values.equals(((Policy) o).values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return "Policy" + values;
    }

    /** Collects fields; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private final EnumMap<PolicyField, Object> values = new EnumMap<>(PolicyField.class);

        private Builder() {
        }

        public Builder spamThreshold(double threshold) {
            return set(PolicyField.SPAM_THRESHOLD, threshold);
        }

        public Builder certainSpamThreshold(double threshold) {
            return set(PolicyField.CERTAIN_SPAM_THRESHOLD, threshold);
        }

        public Builder spamAction(DispositionAction action) {
            return set(PolicyField.SPAM_ACTION, action);
        }

        public Builder certainSpamAction(DispositionAction action) {
            return set(PolicyField.CERTAIN_SPAM_ACTION, action);
        }

        public Builder virusAction(DispositionAction action) {
            return set(PolicyField.VIRUS_ACTION, action);
        }

        public Builder bannedContentAction(DispositionAction action) {
            return set(PolicyField.BANNED_CONTENT_ACTION, action);
        }

        public Builder subjectPrefix(String prefix) {
            return set(PolicyField.SUBJECT_PREFIX, prefix);
        }

        public Builder addCleanMailHeaders(boolean add) {
            return set(PolicyField.ADD_CLEANMAIL_HEADERS, add);
        }

        public Builder addSpamAssassinHeaders(boolean add) {
            return set(PolicyField.ADD_SPAM_ASSASSIN_HEADERS, add);
        }

        public Builder attachReport(boolean attach) {
            return set(PolicyField.ATTACH_REPORT, attach);
        }

        public Builder quarantineRetentionDays(int days) {
            return set(PolicyField.QUARANTINE_RETENTION_DAYS, days);
        }

        public Builder usersMayRelease(boolean mayRelease) {
            return set(PolicyField.USERS_MAY_RELEASE, mayRelease);
        }

        public Builder personalListsEnabled(boolean enabled) {
            return set(PolicyField.PERSONAL_LISTS_ENABLED, enabled);
        }

        /** Sets a field; {@code null} unsets it. The value must be of the field's type. */
        public Builder set(PolicyField field, Object value) {
            if (value == null) {
                values.remove(field);
                return this;
            }
            if (!field.type().isInstance(value)) {
                throw new InvalidPolicyException(field.jsonName(), "'" + field.jsonName() + "' must be a "
                    + field.type().getSimpleName() + ", e.g. " + field.example() + "; got '" + value + "'");
            }
            values.put(field, value);
            return this;
        }

        /** Unsets a field, so that it is inherited. */
        public Builder unset(PolicyField field) {
            values.remove(field);
            return this;
        }

        /** The policy, once every rule of {@link Policy} holds. */
        public Policy build() {
            checkThreshold(PolicyField.SPAM_THRESHOLD);
            checkThreshold(PolicyField.CERTAIN_SPAM_THRESHOLD);
            Object spam = values.get(PolicyField.SPAM_THRESHOLD);
            Object certain = values.get(PolicyField.CERTAIN_SPAM_THRESHOLD);
            if (spam != null && certain != null && (Double) certain < (Double) spam) {
                throw new InvalidPolicyException(PolicyField.CERTAIN_SPAM_THRESHOLD.jsonName(),
                    "'certainSpamThreshold' must be at least 'spamThreshold' (" + spam + "), e.g. \"certainSpamThreshold\": "
                        + Math.max(15.0, (Double) spam) + "; got " + certain);
            }
            checkAction(PolicyField.SPAM_ACTION, SPAM_ACTIONS);
            checkAction(PolicyField.CERTAIN_SPAM_ACTION, SPAM_ACTIONS);
            checkAction(PolicyField.BANNED_CONTENT_ACTION, BANNED_CONTENT_ACTIONS);
            checkAction(PolicyField.VIRUS_ACTION, VIRUS_ACTIONS);
            checkSubjectPrefix();
            checkRetention();
            return new Policy(values);
        }

        private void checkThreshold(PolicyField field) {
            Object value = values.get(field);
            if (value != null && !Double.isFinite((Double) value)) {
                throw new InvalidPolicyException(field.jsonName(), "'" + field.jsonName()
                    + "' must be a finite number, e.g. " + field.example() + "; got " + value);
            }
        }

        private void checkAction(PolicyField field, Set<DispositionAction> allowed) {
            Object value = values.get(field);
            if (value != null && !allowed.contains(value)) {
                throw new InvalidPolicyException(field.jsonName(), "'" + field.jsonName() + "' must be one of "
                    + allowed + ", e.g. " + field.example() + "; got " + value
                    + (value == DispositionAction.REJECT ? NOT_AT_SMTP_TIME : ""));
            }
        }

        private void checkSubjectPrefix() {
            String prefix = (String) values.get(PolicyField.SUBJECT_PREFIX);
            if (prefix == null) {
                return;
            }
            if (prefix.length() > MAX_SUBJECT_PREFIX_LENGTH || prefix.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidPolicyException(PolicyField.SUBJECT_PREFIX.jsonName(),
                    "'subjectPrefix' must have at most " + MAX_SUBJECT_PREFIX_LENGTH
                        + " characters and no line break or control character (\"\" for none), e.g. "
                        + PolicyField.SUBJECT_PREFIX.example() + "; got a prefix of " + prefix.length() + " characters");
            }
        }

        private void checkRetention() {
            Integer days = (Integer) values.get(PolicyField.QUARANTINE_RETENTION_DAYS);
            if (days != null && (days < 1 || days > MAX_RETENTION_DAYS)) {
                throw new InvalidPolicyException(PolicyField.QUARANTINE_RETENTION_DAYS.jsonName(),
                    "'quarantineRetentionDays' must be between 1 and " + MAX_RETENTION_DAYS + " days, e.g. "
                        + PolicyField.QUARANTINE_RETENTION_DAYS.example() + "; got " + days);
            }
        }
    }

    /** Holder, so that the defaults are built after the validation constants exist. */
    private static final class BuiltInDefaults {
        static final Policy POLICY = builder()
            .spamThreshold(5.0)
            .certainSpamThreshold(15.0)
            .spamAction(DispositionAction.QUARANTINE)
            .certainSpamAction(DispositionAction.QUARANTINE)
            .virusAction(DispositionAction.QUARANTINE)
            .bannedContentAction(DispositionAction.QUARANTINE)
            .subjectPrefix("[SPAM]")
            .addCleanMailHeaders(true)
            .addSpamAssassinHeaders(false)
            .attachReport(false)
            .quarantineRetentionDays(15)
            .usersMayRelease(true)
            .personalListsEnabled(true)
            .build();
    }
}
