package org.cleanmail.core.message;

import java.util.Objects;

/** An address found in a header: the address itself and its display name, maybe empty. */
public final class MailAddress {
    private final String address;
    private final String displayName;

    public MailAddress(String address, String displayName) {
        this.address = Objects.requireNonNull(address, "address");
        this.displayName = Objects.requireNonNull(displayName, "display name");
    }

    /** {@code local@domain}, as written (case kept). */
    public String address() {
        return address;
    }

    /** The display name, decoded; empty when there is none. */
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MailAddress)) {
            return false;
        }
        MailAddress other = (MailAddress) o;
        return address.equals(other.address) && displayName.equals(other.displayName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, displayName);
    }

    @Override
    public String toString() {
        return displayName.isEmpty() ? address : displayName + " <" + address + ">";
    }
}
