package org.cleanmail.core.fingerprint;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import com.google.common.hash.Hashing;

/**
 * One attachment of a message as fingerprints see it: its file name (for reports only, it
 * does not enter the fingerprint) and the SHA-256 of its decoded bytes.
 */
public final class Attachment {
    /** SHA-256 of zero bytes: empty attachments carry no information and are not fingerprinted. */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final String fileName;
    private final String sha256;

    private Attachment(String fileName, String sha256) {
        this.fileName = fileName;
        this.sha256 = sha256;
    }

    /** Hashes the decoded bytes; the array is not kept. */
    public static Attachment of(String fileName, byte[] content) {
        Objects.requireNonNull(content, "attachment content");
        return new Attachment(Objects.requireNonNull(fileName, "attachment file name"),
            Hashing.sha256().hashBytes(content).toString());
    }

    /** For callers that already hashed the content: {@code sha256} is 64 hex digits. */
    public static Attachment ofSha256(String fileName, String sha256) {
        Objects.requireNonNull(sha256, "attachment sha256");
        String hex = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits, got '" + sha256 + "'");
        }
        return new Attachment(Objects.requireNonNull(fileName, "attachment file name"), hex);
    }

    public String fileName() {
        return fileName;
    }

    /** Lower-case hex. */
    public String sha256() {
        return sha256;
    }

    public boolean isEmpty() {
        return EMPTY_SHA256.equals(sha256);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attachment)) {
            return false;
        }
        Attachment other = (Attachment) o;
        return fileName.equals(other.fileName) && sha256.equals(other.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, sha256);
    }

    @Override
    public String toString() {
        return "Attachment{" + fileName + ", sha256=" + sha256 + "}";
    }
}
