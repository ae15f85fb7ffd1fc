package org.cleanmail.core.scoring.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cleanmail.core.message.HeaderField;
import org.cleanmail.core.message.MailAddress;
import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageHeaders;

/** The sender addresses SpamAssassin's tests read: envelope sender, all From addresses, a header's addresses. */
final class SenderAddresses {
    private static final List<String> ENVELOPE_FROM_HEADERS = List.of(
        "X-Envelope-From", "Envelope-Sender", "Return-Path");

    private static final Pattern RELAY_ENVELOPE_FROM = Pattern.compile(
        "(?:return-path:? |envelope-(?:sender|from)[ =])(\\S+)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4 = Pattern.compile("\\b(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\b");
    private static final Pattern DOTS = Pattern.compile("\\.{2,}");
    private static final Pattern ANGLE_BRACKETS = Pattern.compile("^\\s*<*|>*\\s*$");
    private static final PerMessageCache<String> ENVELOPE_FROM =
        new PerMessageCache<>(features -> envelopeFrom(features.headers()));
    private static final PerMessageCache<List<String>> ALL_FROM =
        new PerMessageCache<>(features -> allFrom(features.headers(), envelopeFrom(features)));

    private SenderAddresses() {
    }

    /**
     * SpamAssassin's envelope sender as far as headers tell it: the one the first external
     * relay recorded in its Received field, else X-Envelope-From,
     * Envelope-Sender or Return-Path, when added at delivery, above every Received field
     * (a lower one could come from the sender); empty when unknown, or when an X-Sender and a
     * fetchmail hop show that the headers were written by a fetching client.
     */
    static String envelopeFrom(MessageHeaders headers) {
        Optional<String> relayed = relayEnvelopeFrom(headers);
        if (relayed.isPresent()) {
            return relayed.get();
        }
        if (headers.address("X-Sender").map(sender -> sender.contains("@")).orElse(false)
            && headers.values("Received").stream().anyMatch(received -> received.contains("(fetchmail"))) {
            return "";
        }
        for (String name : ENVELOPE_FROM_HEADERS) {
            Optional<String> address = headers.address(name);
            if (address.isEmpty() || address.get().isBlank()) {
                continue;
            }
            if (!isAboveAllReceived(headers, name)) {
                if (name.equals("X-Envelope-From")) {
                    return "";
                }
                continue;
            }
            return address.get();
        }
        return "";
    }

    /**
     * The envelope sender the first relay outside the local and private networks recorded in
     * its Received field ({@code envelope-from}, {@code return-path}), as SpamAssassin reads
     * it from the last untrusted relay when no trusted networks are configured.
     */
    private static Optional<String> relayEnvelopeFrom(MessageHeaders headers) {
        for (String received : headers.values("Received")) {
            if (!received.startsWith("from ")) {
                continue;
            }
            int by = received.indexOf(" by ");
            Matcher ip = IPV4.matcher(by < 0 ? received : received.substring(0, by));
            if (!ip.find() || isLocalOrPrivate(ip)) {
                continue;
            }
            Matcher envelope = RELAY_ENVELOPE_FROM.matcher(received);
            if (!envelope.find()) {
                return Optional.empty();
            }
            String address = ANGLE_BRACKETS.matcher(envelope.group(1)).replaceAll("");
            return address.indexOf('@') > 0 ? Optional.of(address) : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isLocalOrPrivate(Matcher ip) {
        int first = Integer.parseInt(ip.group(1));
        int second = Integer.parseInt(ip.group(2));
        return first == 10 || first == 127 || first == 0 || first == 172 && second >= 16 && second <= 31
            || first == 192 && second == 168 || first == 169 && second == 254;
    }

    private static boolean isAboveAllReceived(MessageHeaders headers, String name) {
        for (HeaderField field : headers.fields()) {
            if (field.hasName(name)) {
                return true;
            }
            if (field.hasName("Received")) {
                return false;
            }
        }
        return false;
    }

    /** {@link #envelopeFrom(MessageHeaders)} of a message, worked out once for the several rules that read it. */
    static String envelopeFrom(MessageFeatures features) {
        return ENVELOPE_FROM.get(features);
    }

    /** SpamAssassin's {@code all_from_addrs} of a message, worked out once for the several rules that read it. */
    static List<String> allFrom(MessageFeatures features) {
        return ALL_FROM.get(features);
    }

    /** SpamAssassin's {@code all_from_addrs}: Resent-From if any, else the sender headers, lower-case. */
    private static List<String> allFrom(MessageHeaders headers, String envelopeFrom) {
        List<String> resent = addresses(headers, "Resent-From");
        if (!resent.isEmpty()) {
            return resent.subList(0, 1);
        }
        Set<String> all = new LinkedHashSet<>();
        for (String name : List.of("From", "Envelope-Sender", "Resent-Sender", "X-Envelope-From")) {
            all.addAll(addresses(headers, name));
        }
        String envelope = envelopeFrom.toLowerCase(Locale.ROOT);
        if (!envelope.isEmpty()) {
            all.add(envelope);
        }
        return all.stream().map(email -> DOTS.matcher(email).replaceAll(".")).collect(Collectors.toUnmodifiableList());
    }

    /** The addresses of a message's header fields of that name, lower-case; {@code EnvelopeFrom}: {@link #envelopeFrom}. */
    static List<String> addresses(MessageFeatures features, String name) {
        if (name.equals("EnvelopeFrom")) {
            String envelope = envelopeFrom(features);
            return envelope.isEmpty() ? List.of() : List.of(envelope.toLowerCase(Locale.ROOT));
        }
        return addresses(features.headers(), name);
    }

    static List<String> addresses(MessageHeaders headers, String name) {
        List<String> addresses = new ArrayList<>();
        for (MailAddress address : headers.addresses(name)) {
            if (!address.address().isEmpty()) {
                addresses.add(address.address().toLowerCase(Locale.ROOT));
            }
        }
        return addresses;
    }
}
