package org.cleanmail.core.blacklist;

import java.util.Locale;
import java.util.Optional;

/** Which of a recipient's two lists, with its keyword in list files. */
public enum PersonalListKind {
    WHITELIST("white"),
    BLACKLIST("black");

    private final String keyword;

    PersonalListKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static Optional<PersonalListKind> fromKeyword(String keyword) {
        String lower = keyword.toLowerCase(Locale.ROOT);
        for (PersonalListKind kind : values()) {
            if (kind.keyword.equals(lower)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
