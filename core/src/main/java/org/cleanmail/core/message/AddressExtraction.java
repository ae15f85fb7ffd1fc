package org.cleanmail.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * Reads addresses from a decoded header value with mime4j's lenient parser, falling back
 * to anything that looks like {@code local@domain} when the value is too broken to parse.
 */
final class AddressExtraction {
    private static final Pattern LOOSE_ADDRESS = Pattern.compile("[^\\s<>()\",;:@\\[\\]]+@[^\\s<>()\",;:@\\[\\]]+");
    private static final int MAX_PARSED_LENGTH = 16 * 1024;
    private static final int MAX_ADDRESSES = 1000;

    private AddressExtraction() {
    }

    static List<MailAddress> addresses(String value) {
        String bounded = value.length() > MAX_PARSED_LENGTH ? value.substring(0, MAX_PARSED_LENGTH) : value;
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
            Matcher matcher = LOOSE_ADDRESS.matcher(bounded);
            while (matcher.find() && result.size() < MAX_ADDRESSES) {
                result.add(new MailAddress(matcher.group(), ""));
            }
        }
        return result;
    }
}
