package org.cleanmail.core.fingerprint;

import java.util.List;
import java.util.Objects;

/**
 * What fingerprints are computed from: the decoded content of one message, as the MIME
 * decoder hands it over. The body text holds every text part decoded to a string (HTML
 * parts already rendered to text), the link hosts are the host names of the URLs the
 * message links to (duplicates allowed, case ignored), the attachments are the
 * non-text parts.
 */
public final class DecodedContent {
    private final String bodyText;
    private final List<String> linkHosts;
    private final List<Attachment> attachments;

    public DecodedContent(String bodyText, List<String> linkHosts, List<Attachment> attachments) {
        this.bodyText = Objects.requireNonNull(bodyText, "body text");
        this.linkHosts = List.copyOf(linkHosts);
        this.attachments = List.copyOf(attachments);
    }

    public static DecodedContent ofText(String bodyText) {
        return new DecodedContent(bodyText, List.of(), List.of());
    }

    public String bodyText() {
        return bodyText;
    }

    public List<String> linkHosts() {
        return linkHosts;
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DecodedContent)) {
            return false;
        }
        DecodedContent other = (DecodedContent) o;
        return bodyText.equals(other.bodyText) && linkHosts.equals(other.linkHosts)
            && attachments.equals(other.attachments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bodyText, linkHosts, attachments);
    }

    @Override
    public String toString() {
        return "DecodedContent{" + bodyText.length() + " chars, " + linkHosts.size() + " link hosts, "
            + attachments.size() + " attachments}";
    }
}
