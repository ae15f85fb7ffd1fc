package org.cleanmail.core.policy;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The policy that applies to one recipient: every field has a value, and each value
 * remembers the scope it came from (for webadmin's "effective policy" view). Built by
 * {@link PolicyResolver}. Immutable.
 *
 * <p>The two thresholds are used as they are even when an inherited certain-spam
 * threshold is below the spam threshold: a message is certain spam only if it is spam
 * too (see {@link DispositionPlanner}).
 */
public final class EffectivePolicy {
    private final String recipient;
    private final Map<PolicyField, Object> values;
    private final Map<PolicyField, PolicySource> sources;

    EffectivePolicy(String recipient, EnumMap<PolicyField, Object> values, EnumMap<PolicyField, PolicySource> sources) {
        for (PolicyField field : PolicyField.values()) {
            if (!values.containsKey(field) || !sources.containsKey(field)) {
                throw new IllegalArgumentException("effective policy lacks " + field.jsonName());
            }
        }
        this.recipient = recipient;
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.sources = Collections.unmodifiableMap(new EnumMap<>(sources));
    }

    /** The built-in defaults alone, as the effective policy of {@code recipient}. */
    public static EffectivePolicy builtIn(String recipient) {
        EnumMap<PolicyField, Object> values = new EnumMap<>(Policy.builtInDefaults().values());
        EnumMap<PolicyField, PolicySource> sources = new EnumMap<>(PolicyField.class);
        for (PolicyField field : PolicyField.values()) {
            sources.put(field, PolicySource.builtIn());
        }
        return new EffectivePolicy(recipient, values, sources);
    }

    /** The recipient as asked for (canonical when it was a valid address). */
    public String recipient() {
        return recipient;
    }

    /** The value of a field; its type is {@link PolicyField#type()}. */
    public Object value(PolicyField field) {
        return values.get(field);
    }

    /** Where the value of a field came from. */
    public PolicySource source(PolicyField field) {
        return sources.get(field);
    }

    public double spamThreshold() {
        return (Double) values.get(PolicyField.SPAM_THRESHOLD);
    }

    public double certainSpamThreshold() {
        return (Double) values.get(PolicyField.CERTAIN_SPAM_THRESHOLD);
    }

    public DispositionAction spamAction() {
        return (DispositionAction) values.get(PolicyField.SPAM_ACTION);
    }

    public DispositionAction certainSpamAction() {
        return (DispositionAction) values.get(PolicyField.CERTAIN_SPAM_ACTION);
    }

    public DispositionAction virusAction() {
        return (DispositionAction) values.get(PolicyField.VIRUS_ACTION);
    }

    public DispositionAction bannedContentAction() {
        return (DispositionAction) values.get(PolicyField.BANNED_CONTENT_ACTION);
    }

    public TagStyle tagStyle() {
        return new TagStyle((String) values.get(PolicyField.SUBJECT_PREFIX),
            (Boolean) values.get(PolicyField.ADD_CLEANMAIL_HEADERS),
            (Boolean) values.get(PolicyField.ADD_SPAM_ASSASSIN_HEADERS),
            (Boolean) values.get(PolicyField.ATTACH_REPORT));
    }

    public Duration quarantineRetention() {
        return Duration.ofDays((Integer) values.get(PolicyField.QUARANTINE_RETENTION_DAYS));
    }

    public boolean usersMayRelease() {
        return (Boolean) values.get(PolicyField.USERS_MAY_RELEASE);
    }

    public boolean personalListsEnabled() {
        return (Boolean) values.get(PolicyField.PERSONAL_LISTS_ENABLED);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EffectivePolicy)) {
            return false;
        }
        EffectivePolicy other = (EffectivePolicy) o;
        return recipient.equals(other.recipient) && values.equals(other.values) && sources.equals(other.sources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipient, values, sources);
    }

    @Override
    public String toString() {
        return "EffectivePolicy{" + recipient + ", " + values + ", from " + sources + "}";
    }
}
