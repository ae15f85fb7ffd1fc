package org.cleanmail.core.message;

import java.util.EnumSet;
import java.util.Set;

/** Works out the {@link HeaderFact}s of a top-level header. */
final class HeaderFacts {
    private HeaderFacts() {
    }

    static Set<HeaderFact> of(MessageHeaders headers) {
        Set<HeaderFact> facts = EnumSet.noneOf(HeaderFact.class);
        missing(headers, "From", HeaderFact.MISSING_FROM, facts);
        missing(headers, "To", HeaderFact.MISSING_TO, facts);
        missing(headers, "Date", HeaderFact.MISSING_DATE, facts);
        missing(headers, "Message-Id", HeaderFact.MISSING_MESSAGE_ID, facts);
        missing(headers, "Subject", HeaderFact.MISSING_SUBJECT, facts);
        missing(headers, "MIME-Version", HeaderFact.MISSING_MIME_VERSION, facts);
        if (headers.first("Subject").map(String::isBlank).orElse(false)) {
            facts.add(HeaderFact.EMPTY_SUBJECT);
        }
        if (headers.addresses("To").isEmpty() && headers.addresses("Cc").isEmpty()) {
            facts.add(HeaderFact.NO_VISIBLE_RECIPIENT);
        }
        return facts;
    }

    private static void missing(MessageHeaders headers, String name, HeaderFact fact, Set<HeaderFact> facts) {
        if (!headers.exists(name)) {
            facts.add(fact);
        }
    }
}
