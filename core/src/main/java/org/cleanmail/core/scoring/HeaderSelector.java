package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.cleanmail.core.message.HeaderField;
import org.cleanmail.core.message.MailAddress;
import org.cleanmail.core.message.MessageHeaders;
import org.cleanmail.core.message.relay.RelayPath;
import org.cleanmail.core.rules.HeaderSpec;

/**
 * Selects the text a header rule matches, as SpamAssassin's {@code PerMsgStatus::get}
 * does: each field value (decoded, or {@code :raw}) followed by a newline, all fields of
 * the name in order; {@code ALL} is every field as {@code Name: value} lines; {@code ToCc}
 * the To then Cc fields; {@code MESSAGEID} the non-empty message-id fields; {@code :addr}
 * and {@code :name} the addresses or display names of every field, one per line;
 * {@code :first} and {@code :last} keep the first or last field. An absent header selects
 * nothing ({@link Optional#empty()}). The pseudo-headers of SpamAssassin's relay analysis
 * come from the message's {@link RelayPath}: {@code X-Spam-Relays-Trusted},
 * {@code -Untrusted}, {@code -Internal}, {@code -External} (the relays in text form, no
 * newline, "" when there are none), {@code ALL-TRUSTED}, {@code ALL-UNTRUSTED},
 * {@code ALL-INTERNAL}, {@code ALL-EXTERNAL} (the fields on that side of the boundary) and
 * {@code EnvelopeFrom}. Immutable.
 */
final class HeaderSelector {
    /** SpamAssassin's order for MESSAGEID. */
    private static final List<String> MESSAGE_ID_FIELDS =
        List.of("X-Message-Id", "Resent-Message-Id", "X-Original-Message-ID", "Message-Id");
    private static final List<String> TO_CC_FIELDS = List.of("To", "Cc");
    private static final List<String> RELAY_TEXTS = List.of("X-Spam-Relays-Trusted", "X-Spam-Relays-Untrusted",
        "X-Spam-Relays-Internal", "X-Spam-Relays-External");
    private static final List<String> RELAY_HEADERS = List.of("ALL-TRUSTED", "ALL-UNTRUSTED", "ALL-INTERNAL",
        "ALL-EXTERNAL");
    private static final String ENVELOPE_FROM = "EnvelopeFrom";

    private final String header;
    private final boolean raw;
    private final boolean addr;
    private final boolean name;
    private final boolean first;
    private final boolean last;
    /** Whether the header is one of {@link #RELAY_HEADERS}, decided once: a message asks a hundred selectors. */
    private final boolean relayHeader;
    /** Whether the header is one of {@link #RELAY_TEXTS} or {@link #ENVELOPE_FROM}, decided once. */
    private final boolean relayTextHeader;

    private HeaderSelector(String header, boolean raw, boolean addr, boolean name, boolean first, boolean last) {
        this.header = header;
        this.relayHeader = RELAY_HEADERS.contains(header);
        this.relayTextHeader = RELAY_TEXTS.contains(header) || header.equals(ENVELOPE_FROM);
        this.raw = raw;
        this.addr = addr;
        this.name = name;
        this.first = first;
        this.last = last;
    }

    /** The selector of a rule's spec; fails with the reason when a modifier is not supported. */
    static HeaderSelector of(HeaderSpec spec) {
        String header = spec.header();
        for (String relayText : RELAY_TEXTS) {
            if (relayText.equalsIgnoreCase(header)) {
                header = relayText;
            }
        }
        if (header.equalsIgnoreCase(ENVELOPE_FROM)) {
            header = ENVELOPE_FROM;
        }
        boolean raw = false;
        boolean addr = false;
        boolean name = false;
        boolean first = false;
        boolean last = false;
        for (String modifier : spec.modifiers()) {
            switch (modifier.toLowerCase(Locale.ROOT)) {
                case "raw":
                    raw = true;
                    break;
                case "addr":
                    addr = true;
                    break;
                case "name":
                    name = true;
                    break;
                case "first":
                    first = true;
                    break;
                case "last":
                    last = true;
                    break;
                default:
                    throw new IllegalArgumentException("header modifier :" + modifier + " is not supported");
            }
        }
        return new HeaderSelector(header, raw, addr, name, first, last);
    }

    /** The key under which a scan caches this selection. */
    String key() {
        return header + (raw ? ":raw" : "") + (addr ? ":addr" : "") + (name ? ":name" : "")
            + (first ? ":first" : "") + (last ? ":last" : "");
    }

    /** Whether every text this selects is a substring of {@code ALL} or {@code ALL:raw}, so the prefilter applies. */
    boolean withinAllHeaders() {
        return !addr && !name && !relayPseudoHeader();
    }

    /** Whether the text comes from the relay analysis rather than from fields. */
    boolean relayPseudoHeader() {
        return relayTextHeader || relayHeader;
    }

    /** The selected text, or empty when the header is absent; {@code relays} gives the message's relay path. */
    Optional<String> select(MessageHeaders headers, Supplier<RelayPath> relays) {
        if (relayHeader) {
            return relays.get().allHeaders(header, raw);
        }
        if (relayTextHeader) {
            Optional<String> value = relayText(relays.get());
            if (value.isEmpty() || !(addr || name)) {
                return value;
            }
            return select(new MessageHeaders(List.of(new HeaderField(header, value.get(), value.get()))), relays);
        }
        if (header.equals(HeaderSpec.ALL)) {
            String all = raw ? headers.allRaw() : headers.all();
            return all.isEmpty() ? Optional.empty() : Optional.of(all);
        }
        List<HeaderField> fields = fields(headers);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        if (first) {
            fields = fields.subList(0, 1);
        } else if (last) {
            fields = fields.subList(fields.size() - 1, fields.size());
        }
        StringBuilder text = new StringBuilder();
        if (addr || name) {
            for (HeaderField field : fields) {
                for (MailAddress address : new MessageHeaders(List.of(field)).addresses(field.name())) {
                    String value = addr ? address.address() : address.displayName();
                    if (value != null && !value.isEmpty()) {
                        text.append(text.length() == 0 ? "" : "\n").append(value);
                    }
                }
            }
            return text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
        }
        for (HeaderField field : fields) {
            text.append(raw ? field.raw() : field.decoded()).append('\n');
        }
        return Optional.of(text.toString());
    }

    private Optional<String> relayText(RelayPath relays) {
        switch (header) {
            case "X-Spam-Relays-Trusted":
                return Optional.of(relays.trustedText());
            case "X-Spam-Relays-Untrusted":
                return Optional.of(relays.untrustedText());
            case "X-Spam-Relays-Internal":
                return Optional.of(relays.internalText());
            case "X-Spam-Relays-External":
                return Optional.of(relays.externalText());
            default:
                return relays.envelopeFrom();
        }
    }

    private List<HeaderField> fields(MessageHeaders headers) {
        if (header.equals(HeaderSpec.TO_CC)) {
            return fieldsNamed(headers, TO_CC_FIELDS, false);
        }
        if (header.equals(HeaderSpec.MESSAGE_ID)) {
            return fieldsNamed(headers, MESSAGE_ID_FIELDS, true);
        }
        return headers.named(header);
    }

    private List<HeaderField> fieldsNamed(MessageHeaders headers, List<String> names, boolean nonEmptyOnly) {
        List<HeaderField> fields = new ArrayList<>(2);
        for (String fieldName : names) {
            for (HeaderField field : headers.named(fieldName)) {
                if (!(nonEmptyOnly && (raw ? field.raw() : field.decoded()).isBlank())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderSelector && key().equals(((HeaderSelector) o).key());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key());
    }

    @Override
    public String toString() {
        return key();
    }
}
