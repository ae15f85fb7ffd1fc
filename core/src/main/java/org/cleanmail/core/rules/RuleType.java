package org.cleanmail.core.rules;

import java.util.Locale;
import java.util.Optional;

/** The kinds of SpamAssassin rules, named after the directive that defines them. */
public enum RuleType {
    /** A header field (or pseudo-header such as ALL, ToCc, MESSAGEID) matched or tested for existence. */
    HEADER,
    /** A header of any MIME part (MIMEHeader plugin). */
    MIMEHEADER,
    /** The decoded, rendered text of the textual parts, one paragraph per line. */
    BODY,
    /** The decoded textual parts, not rendered. */
    RAWBODY,
    /** Each URI found in the message. */
    URI,
    /** The whole raw message, headers included. */
    FULL,
    /** A boolean/arithmetic expression over other rules. */
    META;

    /** The directive that defines rules of this type, e.g. "rawbody". */
    public String directive() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rule type defined by a directive, if it defines rules. */
    public static Optional<RuleType> fromDirective(String directive) {
        for (RuleType type : values()) {
            if (type.directive().equals(directive)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Whether rules of this type are defined by a regular expression (or an eval call). */
    public boolean isPatternType() {
        return this != META;
    }
}
