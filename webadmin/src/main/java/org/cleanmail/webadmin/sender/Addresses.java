package org.cleanmail.webadmin.sender;

import java.net.InetAddress;

import org.cleanmail.james.sender.SenderProtection;

import spark.Request;

/** Reads the IP address or network of a route's path, with precise 400 messages. */
final class Addresses {
    static final String ADDRESS = ":address";
    static final String LENGTH = ":length";

    private Addresses() {
    }

    /** The {@code :address} parameter as an IP address, or a 400. */
    static InetAddress address(Request request) {
        String text = request.params(ADDRESS);
        return SenderProtection.address(text).orElseThrow(() -> new IllegalArgumentException(
            "'" + text + "' is not an IP address, e.g. 203.0.113.7 or 2001:db8::1"));
    }

    /** {@code :address} alone, or {@code :address/:length} when the route has a length. */
    static String addressOrNetwork(Request request) {
        String length = request.params(LENGTH);
        return length == null ? request.params(ADDRESS) : request.params(ADDRESS) + "/" + length;
    }
}
