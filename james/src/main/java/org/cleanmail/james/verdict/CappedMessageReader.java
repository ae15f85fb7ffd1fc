package org.cleanmail.james.verdict;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.cleanmail.core.scan.RawMessage;

/**
 * Reads a message's RFC 822 bytes, stopping at a cap, so that a huge message costs
 * bounded memory: writing stops as soon as the cap is passed.
 */
public final class CappedMessageReader {
    private CappedMessageReader() {
    }

    public static RawMessage read(MimeMessage message, int maxBytes) throws MessagingException {
        CappedOutputStream out = new CappedOutputStream(maxBytes);
        try {
            message.writeTo(out);
        } catch (CapReached e) {
            return out.toRawMessage(true);
        } catch (IOException e) {
            throw new MessagingException("Cannot read the message to scan it", e);
        }
        return out.toRawMessage(false);
    }

    /** Thrown by the stream to stop the writer; never escapes {@link #read}. */
    private static final class CapReached extends IOException {
        private static final long serialVersionUID = 1L;

        CapReached() {
            super("scan cap reached", null);
        }
    }

    private static final class CappedOutputStream extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final int maxBytes;

        CappedOutputStream(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public void write(int b) throws IOException {
            if (buffer.size() >= maxBytes) {
                throw new CapReached();
            }
            buffer.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int room = maxBytes - buffer.size();
            if (length > room) {
                buffer.write(bytes, offset, room);
                throw new CapReached();
            }
            buffer.write(bytes, offset, length);
        }

        RawMessage toRawMessage(boolean truncated) {
            byte[] bytes = buffer.toByteArray();
            return truncated ? RawMessage.truncated(bytes) : RawMessage.of(bytes);
        }
    }
}
