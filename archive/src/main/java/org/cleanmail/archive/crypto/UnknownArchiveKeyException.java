package org.cleanmail.archive.crypto;

import java.io.IOException;

/**
 * A stored blob names a key id the key ring does not hold: a key was removed from the key
 * file while messages still use it. Put the key's line back to read them.
 */
public final class UnknownArchiveKeyException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String keyId;

    public UnknownArchiveKeyException(String keyId, String message) {
        super(message);
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }
}
