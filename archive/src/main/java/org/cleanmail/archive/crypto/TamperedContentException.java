package org.cleanmail.archive.crypto;

import java.io.IOException;

/**
 * A stored blob failed authentication: its bytes were changed, cut, or moved from another
 * archive id. Its content is never returned.
 */
public final class TamperedContentException extends IOException {
    private static final long serialVersionUID = 1L;

    public TamperedContentException(String message) {
        super(message);
    }

    public TamperedContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
