package org.cleanmail.core.policy;

import java.util.Objects;

import org.cleanmail.core.scan.ScanResult;

/** What the scanners found in one message: the rule scan, and whether a virus or banned content was found. Immutable. */
public final class ScanFindings {
    private final ScanResult scan;
    private final boolean virusFound;
    private final boolean bannedContentFound;

    public ScanFindings(ScanResult scan, boolean virusFound, boolean bannedContentFound) {
        this.scan = Objects.requireNonNull(scan, "scan result");
        this.virusFound = virusFound;
        this.bannedContentFound = bannedContentFound;
    }

    /** A rule scan alone: no virus, no banned content. */
    public static ScanFindings of(ScanResult scan) {
        return new ScanFindings(scan, false, false);
    }

    public ScanResult scan() {
        return scan;
    }

    public double score() {
        return scan.score();
    }

    public boolean virusFound() {
        return virusFound;
    }

    public boolean bannedContentFound() {
        return bannedContentFound;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScanFindings)) {
            return false;
        }
        ScanFindings other = (ScanFindings) o;
        return scan.equals(other.scan) && virusFound == other.virusFound && bannedContentFound == other.bannedContentFound;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scan, virusFound, bannedContentFound);
    }

    @Override
    public String toString() {
        return "ScanFindings{" + scan + ", virus=" + virusFound + ", banned=" + bannedContentFound + "}";
    }
}
