package org.cleanmail.core.message;

import java.util.ArrayList;
import java.util.List;

import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * Reads addresses from a decoded header value with mime4j's lenient parser, falling back
 * to anything that looks like {@code local@domain} when the value is too broken to parse.
 */
final class AddressExtraction {
    private static final String NOT_IN_ADDRESS = "<>()\",;:@[]";
    private static final int MAX_PARSED_LENGTH = 16 * 1024;
    private static final int MAX_ADDRESSES = 1000;

    private AddressExtraction() {
    }

    static List<MailAddress> addresses(String value) {
        String bounded = value.length() > MAX_PARSED_LENGTH ? value.substring(0, MAX_PARSED_LENGTH) : value;
        // The value is decoded already; any =? left would send mime4j's decoder down a quadratic path.
        bounded = bounded.replace("=?", "= ?");
        List<MailAddress> result = new ArrayList<>();
        try {
            AddressList list = LenientAddressParser.DEFAULT.parseAddressList(bounded);
            for (Mailbox mailbox : list.flatten()) {
                if (result.size() >= MAX_ADDRESSES) {
                    break;
                }
                String address = mailbox.getAddress();
                if (address != null && !address.isEmpty() && address.indexOf('@') > 0) {
                    String name = mailbox.getName();
                    result.add(new MailAddress(address, name == null ? "" : name.trim()));
                }
            }
        } catch (RuntimeException e) {
            result.clear();
        }
        if (result.isEmpty()) {
            looseAddresses(bounded, result);
        }
        return result;
    }

    /** Every {@code local@domain} run, found from each @ outwards: linear, whatever the text. */
    private static void looseAddresses(String text, List<MailAddress> result) {
        int searchFrom = 0;
        for (int at = text.indexOf('@'); at >= 0 && result.size() < MAX_ADDRESSES; at = text.indexOf('@', searchFrom)) {
            int start = at;
            while (start > searchFrom && isAddressChar(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && isAddressChar(text.charAt(end))) {
                end++;
            }
            if (start < at && end > at + 1) {
                result.add(new MailAddress(text.substring(start, end), ""));
            }
            searchFrom = end;
        }
    }

    private static boolean isAddressChar(char c) {
        return !Character.isWhitespace(c) && NOT_IN_ADDRESS.indexOf(c) < 0;
    }
}
