package org.cleanmail.core.policy;

/**
 * A policy, scope, group or policy document that breaks a rule. The message names the
 * setting and shows a valid value; it is meant to be shown as is (webadmin answers 400
 * with it).
 */
public final class InvalidPolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String setting;

    public InvalidPolicyException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The setting at fault, e.g. {@code certainSpamThreshold} or {@code domains.x.example.spamAction}. */
    public String setting() {
        return setting;
    }

    /** The same problem, located under {@code prefix} (e.g. the file and the scope it was read from). */
    InvalidPolicyException under(String prefix) {
        return new InvalidPolicyException(prefix + "." + setting, prefix + ": " + getMessage());
    }
}
