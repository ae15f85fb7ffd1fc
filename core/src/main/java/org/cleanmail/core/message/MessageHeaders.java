package org.cleanmail.core.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The top-level header of a message, in order, looked up by case-insensitive name, with
 * the pseudo-headers SpamAssassin rules use.
 *
 * <p>{@link #select(String)} reads SpamAssassin's header rule syntax: {@code Subject},
 * {@code Subject:raw}, {@code From:addr}, {@code From:name}, {@code ALL}, {@code ALL:raw},
 * {@code ToCc}, {@code MESSAGEID}. Several fields of one name are joined with a newline,
 * as SpamAssassin does; an absent header selects the empty string.
 *
 * <p>Immutable and thread-safe; the fields are indexed by name, and addresses parsed, once,
 * on first use.
 */
public final class MessageHeaders {
    public static final String ALL = "ALL";
    public static final String TO_CC = "ToCc";
    public static final String MESSAGE_ID = "MESSAGEID";
    /** The fields whose values make up {@link #MESSAGE_ID}, in SpamAssassin's order. */
    public static final List<String> MESSAGE_ID_FIELDS = List.of(
        "Message-Id", "Resent-Message-Id", "X-Message-Id", "X-Original-Message-Id");

    private static final MessageHeaders EMPTY = new MessageHeaders(List.of());

    /** {@link #byName} when a field name holds a non-ASCII character: names are then compared one by one. */
    private static final Map<String, List<HeaderField>> NO_INDEX = Map.of();

    private final List<HeaderField> fields;
    /** Addresses by lower-case field name, parsed on first use: rules ask for the same ones again and again. */
    private final Map<String, List<MailAddress>> addressCache = new ConcurrentHashMap<>();
    /** The fields by ASCII-lower-case name, made on first use (rules select the same fields again and again). */
    private volatile Map<String, List<HeaderField>> byName;
    private volatile String all;
    private volatile String allRaw;

    public MessageHeaders(List<HeaderField> fields) {
        this.fields = List.copyOf(fields);
    }

    public static MessageHeaders empty() {
        return EMPTY;
    }

    /** Every field, in message order. */
    public List<HeaderField> fields() {
        return fields;
    }

    public boolean exists(String name) {
        return !named(name).isEmpty();
    }

    /** The fields of that name (compared ignoring case), in order. */
    public List<HeaderField> named(String name) {
        Map<String, List<HeaderField>> index = byName;
        if (index == null) {
            index = index(fields);
            byName = index;
        }
        String key = asciiLowerCase(name);
        if (index == NO_INDEX || key == null) {
            return fields.stream().filter(field -> field.hasName(name)).collect(Collectors.toUnmodifiableList());
        }
        return index.getOrDefault(key, List.of());
    }

    private static Map<String, List<HeaderField>> index(List<HeaderField> fields) {
        Map<String, List<HeaderField>> index = new HashMap<>();
        for (HeaderField field : fields) {
            String key = asciiLowerCase(field.name());
            if (key == null) {
                return NO_INDEX;
            }
            index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(field);
        }
        index.replaceAll((key, named) -> List.copyOf(named));
        return index;
    }

    /** The name in lower case when it is all ASCII (where that is what equalsIgnoreCase compares), else null. */
    private static String asciiLowerCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 128) {
                return null;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** Decoded values of every field of that name, in order. */
    public List<String> values(String name) {
        return named(name).stream().map(HeaderField::decoded).collect(Collectors.toUnmodifiableList());
    }

    /** Raw (unfolded, undecoded) values of every field of that name, in order. */
    public List<String> rawValues(String name) {
        return named(name).stream().map(HeaderField::raw).collect(Collectors.toUnmodifiableList());
    }

    /** The decoded value of the first field of that name. */
    public Optional<String> first(String name) {
        List<HeaderField> named = named(name);
        return named.isEmpty() ? Optional.empty() : Optional.of(named.get(0).decoded());
    }

    /** Every field as {@code Name: decoded value} lines, each ending with a newline. */
    public String all() {
        String text = all;
        if (text == null) {
            text = fields.stream().map(field -> field.name() + ": " + field.decoded() + "\n").collect(Collectors.joining());
            all = text;
        }
        return text;
    }

    /** Every field as {@code Name: raw value} lines, each ending with a newline. */
    public String allRaw() {
        String text = allRaw;
        if (text == null) {
            text = fields.stream().map(field -> field.name() + ": " + field.raw() + "\n").collect(Collectors.joining());
            allRaw = text;
        }
        return text;
    }

    /** The decoded To and Cc values joined with {@code ", "}. */
    public String toCc() {
        return joinValues(List.of("To", "Cc"), ", ", false);
    }

    /** Message-Id, Resent-Message-Id, X-Message-Id and X-Original-Message-Id, one per line. */
    public String messageIds() {
        return joinValues(MESSAGE_ID_FIELDS, "\n", false);
    }

    /** Every address of every field of that name, in order. */
    public List<MailAddress> addresses(String name) {
        return addressCache.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> values(key).stream()
            .flatMap(value -> AddressExtraction.addresses(value).stream())
            .collect(Collectors.toUnmodifiableList()));
    }

    /** SpamAssassin's {@code :addr}: the first address of the first field of that name. */
    public Optional<String> address(String name) {
        return addresses(name).stream().findFirst().map(MailAddress::address);
    }

    /** SpamAssassin's {@code :name}: the display name of the first address of that field. */
    public Optional<String> displayName(String name) {
        return addresses(name).stream().findFirst().map(MailAddress::displayName);
    }

    /** Reads a SpamAssassin header specification, see the class comment; never null. */
    public String select(String spec) {
        String name = spec.trim();
        String modifier = "";
        int colon = name.indexOf(':');
        if (colon > 0) {
            modifier = name.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            name = name.substring(0, colon).trim();
        }
        boolean raw = modifier.equals("raw");
        if (name.equals(ALL)) {
            return raw ? allRaw() : all();
        }
        if (name.equals(TO_CC)) {
            return selectAddresses(List.of("To", "Cc"), modifier, joinValues(List.of("To", "Cc"), ", ", raw));
        }
        if (name.equals(MESSAGE_ID)) {
            return joinValues(MESSAGE_ID_FIELDS, "\n", raw);
        }
        return selectAddresses(List.of(name), modifier,
            String.join("\n", raw ? rawValues(name) : values(name)));
    }

    private String selectAddresses(List<String> names, String modifier, String plain) {
        if (!modifier.equals("addr") && !modifier.equals("name")) {
            return plain;
        }
        Optional<MailAddress> first = names.stream()
            .flatMap(name -> addresses(name).stream())
            .findFirst();
        if (modifier.equals("addr")) {
            return first.map(MailAddress::address).orElse("");
        }
        return first.map(MailAddress::displayName).orElse("");
    }

    private String joinValues(List<String> names, String separator, boolean raw) {
        return names.stream().flatMap(name -> (raw ? rawValues(name) : values(name)).stream())
            .collect(Collectors.joining(separator));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageHeaders && fields.equals(((MessageHeaders) o).fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "MessageHeaders{" + fields.size() + " fields}";
    }
}
