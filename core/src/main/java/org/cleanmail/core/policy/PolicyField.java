package org.cleanmail.core.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The settings a {@link Policy} may set, each with its JSON name and an example value
 * used in error messages. Effective policies are merged field by field.
 */
public enum PolicyField {
    SPAM_THRESHOLD("spamThreshold", Double.class, "5.0"),
    CERTAIN_SPAM_THRESHOLD("certainSpamThreshold", Double.class, "15.0"),
    SPAM_ACTION("spamAction", DispositionAction.class, "\"QUARANTINE\""),
    CERTAIN_SPAM_ACTION("certainSpamAction", DispositionAction.class, "\"DELETE\""),
    VIRUS_ACTION("virusAction", DispositionAction.class, "\"QUARANTINE\""),
    BANNED_CONTENT_ACTION("bannedContentAction", DispositionAction.class, "\"QUARANTINE\""),
    SUBJECT_PREFIX("subjectPrefix", String.class, "\"[SPAM]\""),
    ADD_CLEANMAIL_HEADERS("addCleanMailHeaders", Boolean.class, "true"),
    ADD_SPAM_ASSASSIN_HEADERS("addSpamAssassinHeaders", Boolean.class, "false"),
    ATTACH_REPORT("attachReport", Boolean.class, "false"),
    QUARANTINE_RETENTION_DAYS("quarantineRetentionDays", Integer.class, "15"),
    USERS_MAY_RELEASE("usersMayRelease", Boolean.class, "true"),
    PERSONAL_LISTS_ENABLED("personalListsEnabled", Boolean.class, "true");

    private final String jsonName;
    private final Class<?> type;
    private final String exampleValue;

    PolicyField(String jsonName, Class<?> type, String exampleValue) {
        this.jsonName = jsonName;
        this.type = type;
        this.exampleValue = exampleValue;
    }

    /** The field's name in JSON documents and error messages, e.g. {@code spamThreshold}. */
    public String jsonName() {
        return jsonName;
    }

    /** The Java type of the field's value. */
    public Class<?> type() {
        return type;
    }

    /** A valid JSON member for this field, e.g. {@code "spamThreshold": 5.0}. */
    public String example() {
        return "\"" + jsonName + "\": " + exampleValue;
    }

    /** The field of that JSON name, if any. */
    public static Optional<PolicyField> fromJsonName(String name) {
        return Arrays.stream(values()).filter(field -> field.jsonName.equals(name)).findFirst();
    }
}
