package org.cleanmail.cli;

import org.cleanmail.core.scan.ScanResult;

/** One message and what scanning it found. */
final class Scanned {
    private final String label;
    private final ScanResult result;

    Scanned(String label, ScanResult result) {
        this.label = label;
        this.result = result;
    }

    String label() {
        return label;
    }

    ScanResult result() {
        return result;
    }
}
