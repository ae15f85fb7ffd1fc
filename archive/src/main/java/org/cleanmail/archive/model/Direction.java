package org.cleanmail.archive.model;

import java.util.Locale;

/** Whether a message came into the organisation or left it. */
public enum Direction {
    INBOUND,
    OUTBOUND;

    /** The lower-case name used in the index and the query language: {@code inbound}, {@code outbound}. */
    public String indexValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code inbound} or {@code outbound}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the valid values otherwise
     */
    public static Direction parse(String value) {
        for (Direction direction : values()) {
            if (direction.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return direction;
            }
        }
        throw new IllegalArgumentException("A direction is 'inbound' or 'outbound'; got '" + value + "'");
    }
}
