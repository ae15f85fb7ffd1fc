package org.cleanmail.matchers;

import javax.mail.MessagingException;

/** Start-up check of matchers that take no condition. */
final class NoCondition {
    private NoCondition() {
    }

    static void require(String condition, String matcher) throws MessagingException {
        if (condition != null && !condition.isBlank()) {
            throw new MessagingException("matcher " + matcher + " takes no condition, e.g. match=\"org.cleanmail.matchers."
                + matcher + "\"; got '" + condition + "'");
        }
    }
}
