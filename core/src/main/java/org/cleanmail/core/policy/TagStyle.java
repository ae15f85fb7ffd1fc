package org.cleanmail.core.policy;

import java.util.Objects;

/**
 * How a message delivered as spam is marked: a subject prefix (empty for none; James's
 * side puts one space between prefix and subject), {@code X-CleanMail-*} headers, the
 * {@code X-Spam-Flag}/{@code X-Spam-Status} headers mail clients' filters understand, and
 * a spam report attached. Immutable.
 */
public final class TagStyle {
    private final String subjectPrefix;
    private final boolean addCleanMailHeaders;
    private final boolean addSpamAssassinHeaders;
    private final boolean attachReport;

    public TagStyle(String subjectPrefix, boolean addCleanMailHeaders, boolean addSpamAssassinHeaders, boolean attachReport) {
        this.subjectPrefix = Objects.requireNonNull(subjectPrefix, "subject prefix");
        this.addCleanMailHeaders = addCleanMailHeaders;
        this.addSpamAssassinHeaders = addSpamAssassinHeaders;
        this.attachReport = attachReport;
    }

    /** The text put before the subject; empty for none. */
    public String subjectPrefix() {
        return subjectPrefix;
    }

    public boolean addCleanMailHeaders() {
        return addCleanMailHeaders;
    }

    public boolean addSpamAssassinHeaders() {
        return addSpamAssassinHeaders;
    }

    public boolean attachReport() {
        return attachReport;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TagStyle)) {
            return false;
        }
        TagStyle other = (TagStyle) o;
        return subjectPrefix.equals(other.subjectPrefix) && addCleanMailHeaders == other.addCleanMailHeaders
            && addSpamAssassinHeaders == other.addSpamAssassinHeaders && attachReport == other.attachReport;
    }

    @Override
    public int hashCode() {
        return Objects.hash(subjectPrefix, addCleanMailHeaders, addSpamAssassinHeaders, attachReport);
    }

    @Override
    public String toString() {
        return "TagStyle{prefix='" + subjectPrefix + "', cleanMailHeaders=" + addCleanMailHeaders
            + ", spamAssassinHeaders=" + addSpamAssassinHeaders + ", report=" + attachReport + "}";
    }
}
