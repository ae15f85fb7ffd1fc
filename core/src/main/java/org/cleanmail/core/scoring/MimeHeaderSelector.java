package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.message.HeaderField;
import org.cleanmail.core.message.MessageHeaders;
import org.cleanmail.core.rules.HeaderSpec;
import org.cleanmail.core.rules.TFlags;

/**
 * Selects the texts a {@code mimeheader} rule matches, as SpamAssassin's MIMEHeader plugin
 * does: one text per MIME entity (the top-level header first, then every part depth first,
 * containers included), each the last field of the name decoded and followed by a newline,
 * or with {@code :raw} the last field as written (folding kept) and a newline; an entity
 * without the field gives the {@code [if-unset: ...]} text, else the empty string.
 * {@code ALL} gives every field of the entity as {@code Name: value} lines. {@code tflags
 * range=N-M} keeps the entities numbered N to M (from 1); {@code tflags concat} joins the
 * texts into one. Immutable.
 */
final class MimeHeaderSelector {
    private static final Pattern RANGE = Pattern.compile("(\\d+)?(-)?(\\d+)?");
    private static final int DEFAULT_RANGE_MAX = 1000;

    private final String header;
    private final boolean raw;
    private final String ifUnset;
    private final int rangeMin;
    private final int rangeMax;
    private final boolean concat;

    private MimeHeaderSelector(String header, boolean raw, String ifUnset, int rangeMin, int rangeMax, boolean concat) {
        this.header = header;
        this.raw = raw;
        this.ifUnset = ifUnset;
        this.rangeMin = rangeMin;
        this.rangeMax = rangeMax;
        this.concat = concat;
    }

    /** The selector of a mimeheader rule; fails with the reason for a modifier other than {@code :raw}. */
    static MimeHeaderSelector of(HeaderSpec spec, TFlags tflags) {
        boolean raw = false;
        for (String modifier : spec.modifiers()) {
            if (!modifier.toLowerCase(Locale.ROOT).equals("raw")) {
                throw new IllegalArgumentException("mimeheader modifier :" + modifier + " is not supported "
                    + "(SpamAssassin's MIMEHeader plugin knows only :raw)");
            }
            raw = true;
        }
        if (spec.existsTest()) {
            throw new IllegalArgumentException("mimeheader rules take 'Header =~ /re/' or 'Header !~ /re/', not exists:");
        }
        int min = 0;
        int max = DEFAULT_RANGE_MAX;
        String range = tflags.value("range").orElse(null);
        if (range != null) {
            Matcher m = RANGE.matcher(range);
            if (!m.matches()) {
                throw new IllegalArgumentException("tflags range=" + range + " must look like range=2, range=2-5, "
                    + "range=2- or range=-5");
            }
            if (m.group(1) != null && m.group(2) != null && m.group(3) != null) {
                min = Integer.parseInt(m.group(1));
                max = Integer.parseInt(m.group(3));
            } else if (m.group(1) != null && m.group(2) != null) {
                min = Integer.parseInt(m.group(1));
            } else if (m.group(2) != null && m.group(3) != null) {
                max = Integer.parseInt(m.group(3));
            } else if (m.group(1) != null) {
                min = Integer.parseInt(m.group(1));
                max = min;
            }
        }
        return new MimeHeaderSelector(spec.header(), raw, spec.ifUnset().orElse(""), min, max, tflags.has("concat"));
    }

    /** The texts to match, one per entity in range (or one when concatenated), each capped at {@code maxChars}. */
    List<String> select(List<MessageHeaders> entities, int maxChars) {
        List<String> texts = new ArrayList<>(Math.min(entities.size(), rangeMax));
        StringBuilder joined = concat ? new StringBuilder() : null;
        int number = 0;
        for (MessageHeaders entity : entities) {
            number++;
            if (number > rangeMax) {
                break;
            }
            if (number < rangeMin) {
                continue;
            }
            String value = value(entity);
            if (value.length() > maxChars) {
                value = value.substring(0, maxChars);
            }
            if (joined != null) {
                joined.append(value);
                if (!value.endsWith("\n")) {
                    joined.append('\n');
                }
            } else {
                texts.add(value);
            }
        }
        if (joined != null) {
            texts.add(joined.length() > maxChars ? joined.substring(0, maxChars) : joined.toString());
        }
        return texts;
    }

    private String value(MessageHeaders entity) {
        if (header.equals(HeaderSpec.ALL)) {
            StringBuilder all = new StringBuilder();
            for (HeaderField field : entity.fields()) {
                all.append(field.name()).append(": ").append(raw ? field.raw() : field.decoded()).append('\n');
            }
            return all.toString();
        }
        HeaderField last = null;
        for (HeaderField field : entity.fields()) {
            if (field.hasName(header)) {
                last = field;
            }
        }
        if (last == null) {
            // SpamAssassin's raw_header gives '' for a missing field, so if-unset applies only to decoded values
            return raw ? "" : ifUnset;
        }
        return (raw ? last.folded() : last.decoded()) + "\n";
    }

    /** The key under which a scan caches this selection. */
    String key() {
        return header + (raw ? ":raw" : "") + "|" + ifUnset + "|" + rangeMin + "-" + rangeMax + (concat ? "|concat" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MimeHeaderSelector && key().equals(((MimeHeaderSelector) o).key());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key());
    }

    @Override
    public String toString() {
        return "mimeheader " + key();
    }
}
