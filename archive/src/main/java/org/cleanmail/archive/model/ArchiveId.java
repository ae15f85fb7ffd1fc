package org.cleanmail.archive.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The identifier of one archived message: 32 lower-case hexadecimal digits (128 random
 * bits). Random rather than time-ordered, so that the content store's fan-out folders
 * (by the first digits) fill evenly. Immutable.
 */
public final class ArchiveId implements Comparable<ArchiveId> {
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");

    private final String value;

    private ArchiveId(String value) {
        this.value = value;
    }

    /**
     * Reads an id given by a caller (e.g. a webadmin path), upper-case digits accepted.
     *
     * @throws IllegalArgumentException naming the expected shape when it is not an archive id
     */
    public static ArchiveId of(String value) {
        Objects.requireNonNull(value, "archive id");
        String lower = value.toLowerCase(Locale.ROOT);
        if (!SHAPE.matcher(lower).matches()) {
            throw new IllegalArgumentException("An archive id is 32 hexadecimal digits,"
                + " e.g. 0f3a9c1e5b7d2f4068a1c3e5b7d9f1a2; got '" + abbreviate(value) + "'");
        }
        return new ArchiveId(lower);
    }

    /** Whether the text is an archive id, e.g. a file name met while listing a store. */
    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /** A fresh id from 128 bits of the generator. */
    public static ArchiveId random(Random random) {
        return new ArchiveId(String.format(Locale.ROOT, "%016x%016x", random.nextLong(), random.nextLong()));
    }

    public String value() {
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    @Override
    public int compareTo(ArchiveId other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchiveId && value.equals(((ArchiveId) o).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
