package org.cleanmail.archive.crypto;

import java.io.IOException;

/**
 * A key of the key file has the id an index file names but not the material that
 * encrypted it: the key file does not belong to this archive.
 */
public final class WrongArchiveKeyException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String keyId;

    public WrongArchiveKeyException(String keyId, String message) {
        super(message);
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }
}
