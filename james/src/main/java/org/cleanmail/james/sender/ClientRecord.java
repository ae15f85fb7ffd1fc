package org.cleanmail.james.sender;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cleanmail.core.blacklist.BlacklistEntry;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.sender.ReputationRecord;
import org.cleanmail.core.sender.SenderFlag;

/** What sender protection knows of one client IP at one instant. Immutable. */
public final class ClientRecord {
    private final String address;
    private final String network;
    private final boolean trusted;
    private final int openConnections;
    private final Map<String, Long> counters;
    private final Optional<SenderFlag> flag;
    private final ReputationRecord reputation;
    private final List<RuleHit> reputationHits;
    private final Optional<BlacklistEntry> blacklistEntry;

    public ClientRecord(String address, String network, boolean trusted, int openConnections,
                        Map<String, Long> counters, Optional<SenderFlag> flag, ReputationRecord reputation,
                        List<RuleHit> reputationHits, Optional<BlacklistEntry> blacklistEntry) {
        this.address = address;
        this.network = network;
        this.trusted = trusted;
        this.openConnections = openConnections;
        this.counters = Map.copyOf(counters);
        this.flag = flag;
        this.reputation = reputation;
        this.reputationHits = List.copyOf(reputationHits);
        this.blacklistEntry = blacklistEntry;
    }

    public String address() {
        return address;
    }

    /** The client network whose unknown recipients are counted together ({@code 203.0.113.0/24}). */
    public String network() {
        return network;
    }

    /** In {@code sender.trusted-networks}: exempt from behaviour analysis. */
    public boolean trusted() {
        return trusted;
    }

    public int openConnections() {
        return openConnections;
    }

    /** Sliding-window totals by name: connections, messages, recipients, unknownRecipients, unknownRecipientsOfNetwork. */
    public Map<String, Long> counters() {
        return counters;
    }

    /** The flag blocking the client now, its own or its network's. */
    public Optional<SenderFlag> flag() {
        return flag;
    }

    public ReputationRecord reputation() {
        return reputation;
    }

    public List<RuleHit> reputationHits() {
        return reputationHits;
    }

    /** The active blacklist entry matching the client's address. */
    public Optional<BlacklistEntry> blacklistEntry() {
        return blacklistEntry;
    }
}
