package org.cleanmail.core.scoring.eval;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.scoring.EvalFunction;
import org.cleanmail.core.scoring.EvalFunctions;

/** Builds test messages and calls functions of the registry by name. */
final class Messages {
    static final EvalFunctions FUNCTIONS = StandardEvalFunctions.create(
        FreemailDomains.of(List.of("hotmail.com gmail.com yahoo.* mail.?u"), List.of("friend@gmail.com")),
        AddressLists.of(List.of("(PAYPAL) *@paypal.com *@*.paypal.com", "(BANKS) service@bank?.example")));

    private Messages() {
    }

    /** Parses the lines joined with CRLF; Latin-1 so that tests can hold raw 8-bit bytes. */
    static MessageFeatures message(String... lines) {
        return MessageParser.defaultParser().parse(String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1));
    }

    static MessageFeatures bytes(byte[] raw) {
        return MessageParser.defaultParser().parse(raw);
    }

    static boolean call(String function, MessageFeatures features, String... arguments) {
        EvalFunction eval = FUNCTIONS.get(function).orElseThrow(() -> new AssertionError("no " + function));
        return eval.test(features, Arrays.asList(arguments));
    }

    /** A simple HTML message with the given source as its only part. */
    static MessageFeatures html(String subject, String source) {
        return message("From: a@example.com", "To: b@example.org", "Subject: " + subject,
            "Content-Type: text/html; charset=us-ascii", "", source);
    }
}
