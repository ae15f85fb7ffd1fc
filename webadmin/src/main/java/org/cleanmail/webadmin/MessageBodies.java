package org.cleanmail.webadmin;

import java.util.Arrays;

import org.cleanmail.core.pipeline.ScanInput;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.james.CleanMailRuntime;

import com.google.common.base.Preconditions;

import spark.Request;

/**
 * A raw message sent as a request's body ({@code Content-Type: message/rfc822}), parsed by
 * the engine as the scanner would: beyond {@code scan.max-message-size}, its head only.
 */
public final class MessageBodies {
    private MessageBodies() {
    }

    /** The body parsed; an empty body is a 400 that says what to send. */
    public static ScanInput parse(Request request, CleanMailRuntime runtime) {
        byte[] body = request.bodyAsBytes();
        Preconditions.checkArgument(body != null && body.length > 0,
            "The request body must be a raw RFC 822 message (Content-Type: message/rfc822)");
        int cap = runtime.configuration().maxMessageSize();
        byte[] head = body.length > cap ? Arrays.copyOf(body, cap) : body;
        return runtime.engine().parse(body.length > cap ? RawMessage.truncated(head) : RawMessage.of(head));
    }
}
