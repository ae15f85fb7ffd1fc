package org.cleanmail.cli;

import java.io.IOException;

/** Another spam filter running beside CleanMail for a comparison: it scores one message at a time, from several threads. */
interface Peer extends AutoCloseable {
    /** What the peer is, e.g. {@code SpamAssassin 4.0.1 (spamd -L, stock rules)}. */
    String name();

    /** Scores a raw message. */
    PeerVerdict check(byte[] message) throws IOException;

    @Override
    void close();
}
