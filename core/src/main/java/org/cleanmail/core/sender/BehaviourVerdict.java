package org.cleanmail.core.sender;

import java.util.Objects;

/**
 * What behaviour analysis answers at an SMTP stage: go on, or refuse with an SMTP code, a
 * public reason code ({@code CM-HARVEST}, ...) and a reply text that starts with the
 * enhanced status code and ends with the reason code in brackets, e.g.
 * {@code 421} + {@code "4.7.0 Too many connections, try again later [CM-RATE-CONN]"}.
 * The text never shows internal details. Immutable.
 */
public final class BehaviourVerdict {
    /** What the SMTP adapter does. */
    public enum Action {
        ALLOW,
        /** Refuse with a 4xx code: the client may retry later. */
        TEMP_REFUSE,
        /** Refuse with a 5xx code. */
        PERM_REFUSE
    }

    private static final BehaviourVerdict ALLOW = new BehaviourVerdict(Action.ALLOW, 0, "", "");

    private final Action action;
    private final int smtpCode;
    private final String reasonCode;
    private final String text;

    private BehaviourVerdict(Action action, int smtpCode, String reasonCode, String text) {
        this.action = action;
        this.smtpCode = smtpCode;
        this.reasonCode = reasonCode;
        this.text = text;
    }

    public static BehaviourVerdict allow() {
        return ALLOW;
    }

    /** A refusal; a 4xx code makes it temporary, a 5xx code permanent. */
    public static BehaviourVerdict refuse(int smtpCode, String enhancedStatus, String reasonCode, String message) {
        Objects.requireNonNull(reasonCode, "reasonCode");
        if (smtpCode < 400 || smtpCode > 599) {
            throw new IllegalArgumentException("a refusal needs a 4xx or 5xx SMTP code; got " + smtpCode);
        }
        Action action = smtpCode < 500 ? Action.TEMP_REFUSE : Action.PERM_REFUSE;
        return new BehaviourVerdict(action, smtpCode, reasonCode, enhancedStatus + " " + message + " [" + reasonCode + "]");
    }

    public Action action() {
        return action;
    }

    public boolean isRefused() {
        return action != Action.ALLOW;
    }

    /** 421, 450, 452, 451, 550, 554...; 0 when allowed. */
    public int smtpCode() {
        return smtpCode;
    }

    /** The public reason code; empty when allowed. */
    public String reasonCode() {
        return reasonCode;
    }

    /** The reply text after the SMTP code; empty when allowed. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BehaviourVerdict)) {
            return false;
        }
        BehaviourVerdict other = (BehaviourVerdict) o;
        return action == other.action && smtpCode == other.smtpCode && reasonCode.equals(other.reasonCode)
            && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, smtpCode, reasonCode, text);
    }

    @Override
    public String toString() {
        return action == Action.ALLOW ? "ALLOW" : action + " " + smtpCode + " " + text;
    }
}
