package org.cleanmail.core.message;

import java.util.Objects;
import java.util.Optional;

/**
 * One leaf entity of the MIME tree: a body with its declared type, charset, transfer
 * encoding and file name, its size in bytes as transmitted (encoded, capped by what was
 * parsed) and its depth (0 for the body of a single-part message).
 */
public final class MimePart {
    private final String contentType;
    private final String charset;
    private final String transferEncoding;
    private final String filename;
    private final boolean attachment;
    private final long size;
    private final int depth;
    private final String sha256;

    public MimePart(String contentType, Optional<String> charset, String transferEncoding,
                    Optional<String> filename, boolean attachment, long size, int depth) {
        this(contentType, charset, transferEncoding, filename, attachment, size, depth, Optional.empty());
    }

    /**
     * @param sha256 hex SHA-256 of the decoded content of an attachment that is not text,
     *     when it was read whole (within the parser's part limit)
     */
    public MimePart(String contentType, Optional<String> charset, String transferEncoding,
                    Optional<String> filename, boolean attachment, long size, int depth, Optional<String> sha256) {
        this.sha256 = sha256.orElse(null);
        this.contentType = Objects.requireNonNull(contentType, "content type");
        this.charset = charset.orElse(null);
        this.transferEncoding = Objects.requireNonNull(transferEncoding, "transfer encoding");
        this.filename = filename.orElse(null);
        this.attachment = attachment;
        this.size = size;
        this.depth = depth;
    }

    /** Lower-case {@code type/subtype}, {@code text/plain} when absent. */
    public String contentType() {
        return contentType;
    }

    /** The charset parameter as declared, lower-case, when there is one. */
    public Optional<String> charset() {
        return Optional.ofNullable(charset);
    }

    /** Lower-case transfer encoding, {@code 7bit} when absent. */
    public String transferEncoding() {
        return transferEncoding;
    }

    /** The file name from Content-Disposition or the Content-Type name parameter. */
    public Optional<String> filename() {
        return Optional.ofNullable(filename);
    }

    /** Whether the part is an attachment: disposition attachment or a file name. */
    public boolean attachment() {
        return attachment;
    }

    /** Hex SHA-256 of the decoded content, for attachments that are not text and were read whole. */
    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    public long size() {
        return size;
    }

    public int depth() {
        return depth;
    }

    public boolean isText() {
        return contentType.startsWith("text/");
    }

    public boolean isHtml() {
        return contentType.equals("text/html");
    }

    public boolean isPlainText() {
        return contentType.equals("text/plain");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MimePart)) {
            return false;
        }
        MimePart other = (MimePart) o;
        return contentType.equals(other.contentType) && Objects.equals(charset, other.charset)
            && transferEncoding.equals(other.transferEncoding) && Objects.equals(filename, other.filename)
            && attachment == other.attachment && size == other.size && depth == other.depth
            && Objects.equals(sha256, other.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, charset, transferEncoding, filename, attachment, size, depth, sha256);
    }

    @Override
    public String toString() {
        return "MimePart{" + contentType + (charset == null ? "" : "; charset=" + charset)
            + ", " + transferEncoding + (filename == null ? "" : ", filename=" + filename)
            + ", " + size + " bytes, depth " + depth + "}";
    }
}
