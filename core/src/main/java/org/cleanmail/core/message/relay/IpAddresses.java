package org.cleanmail.core.message.relay;

import java.util.regex.Pattern;

/** SpamAssassin's IP address patterns ({@code Mail::SpamAssassin::Constants}), in Java syntax. */
final class IpAddresses {
    private static final String OCTET = "(?:1\\d\\d|2[0-4]\\d|25[0-5]|[1-9]\\d|\\d)";
    private static final String V4 = OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET;
    private static final String H = "[a-f0-9]{1,4}";
    private static final String MAPPED_PREFIX = "(?:(?:" + H + ":){6}|::(?:" + H + ":){0,5}|(?:" + H + ":){1,5}:|"
        + H + "::(?:" + H + ":){1,4}|(?:" + H + ":){2}:(?:" + H + ":){1,3}|(?:" + H + ":){3}:(?:" + H + ":){1,2}|(?:"
        + H + ":){4}:" + H + ":)";
    private static final String V6 = "(?:" + H + ":){7}" + H + "|:(?::" + H + "){1,7}|(?:" + H + ":){1,7}:|" + H
        + ":(?::" + H + "){1,6}|(?:" + H + ":){2}(?::" + H + "){1,5}|(?:" + H + ":){3}(?::" + H + "){1,4}|(?:" + H
        + ":){4}(?::" + H + "){1,3}|(?:" + H + ":){5}(?::" + H + "){1,2}|(?:" + H + ":){6}:" + H + "|::";

    /** SpamAssassin's IP_ADDRESS: IPv4, IPv4 mapped in IPv6, or IPv6 (with an optional {@code IPv6:} prefix). */
    static final String IP_ADDRESS = "(?i:\\b(?<!:)" + V4 + "\\b|(?:IPv6:|(?<![a-f0-9:]))(?:" + MAPPED_PREFIX + V4
        + "|" + V6 + ")(?![a-f0-9:]))";

    private static final String Z = "0{1,4}";
    private static final String LOOPBACK_V6 = "(?:" + Z + ":){7}0{0,3}1|:(?::" + Z + "){0,6}:0{0,3}1|" + Z + ":(?::" + Z
        + "){0,5}:0{0,3}1|(?:" + Z + ":){2}(?::" + Z + "){0,4}:0{0,3}1|(?:" + Z + ":){3}(?::" + Z + "){0,3}:0{0,3}1|(?:"
        + Z + ":){4}(?::" + Z + "){0,2}:0{0,3}1|(?:" + Z + ":){5}(?::" + Z + "){0,1}:0{0,3}1|(?:" + Z + ":){6}:0{0,3}1";
    private static final String MAPPED_ZERO_PREFIX = "(?:(?:" + Z + ":){5}ffff:|::(?:" + Z + ":){0,4}ffff:|(?:" + Z
        + ":){1,4}:ffff:|" + Z + "::(?:" + Z + ":){1,3}ffff:|(?:" + Z + ":){2}:0{1,2}:ffff:|(?:" + Z + ":){3}:0:ffff:|(?:"
        + Z + ":){4}:ffff:)";
    private static final String PRIVATE_V4 = "(?:10|127|169\\.254|172\\.(?:1[6-9]|2[0-9]|3[01])|192\\.168|"
        + "100\\.(?:6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7]))\\..*";

    /** SpamAssassin's LOCALHOST. */
    static final String LOCALHOST = "(?i:localhost(?:\\.localdomain)?|\\b(?<!:)127\\.0\\.0\\.1\\b|(?:IPv6:|(?<![a-f0-9:]))(?:"
        + MAPPED_ZERO_PREFIX + "127\\.0\\.0\\.1|" + LOOPBACK_V6 + ")(?![a-f0-9:]))";

    private static final Pattern IP_PRIVATE = Pattern.compile("^(?i:" + PRIVATE_V4 + "|(?:IPv6:|(?<![a-f0-9:]))(?:"
        + MAPPED_ZERO_PREFIX + PRIVATE_V4 + "|fe[89ab][0-9a-f]:.*|" + LOOPBACK_V6 + ")(?![a-f0-9:]))");
    private static final Pattern IS_IP_ADDRESS = Pattern.compile("^" + IP_ADDRESS + "$");

    private IpAddresses() {
    }

    /** SpamAssassin's IP_PRIVATE test (private, loopback, link-local, shared address space). */
    static boolean isPrivate(String ip) {
        return IP_PRIVATE.matcher(ip).find();
    }

    static boolean isIpAddress(String text) {
        return IS_IP_ADDRESS.matcher(text).matches();
    }
}
