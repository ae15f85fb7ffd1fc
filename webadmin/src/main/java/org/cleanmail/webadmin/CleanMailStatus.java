package org.cleanmail.webadmin;

/** The document {@code GET /cleanmail/status} answers, rendered as JSON. */
public class CleanMailStatus {
    private final String version;
    private final Rules rules;
    private final Scanning scanning;
    private final Quarantine quarantine;

    public CleanMailStatus(String version, Rules rules, Scanning scanning, Quarantine quarantine) {
        this.version = version;
        this.rules = rules;
        this.scanning = scanning;
        this.quarantine = quarantine;
    }

    public String getVersion() {
        return version;
    }

    public Rules getRules() {
        return rules;
    }

    public Scanning getScanning() {
        return scanning;
    }

    public Quarantine getQuarantine() {
        return quarantine;
    }

    /** The rules the scanner evaluates. */
    public static class Rules {
        private final int loaded;

        public Rules(int loaded) {
            this.loaded = loaded;
        }

        public int getLoaded() {
            return loaded;
        }
    }

    /** What the scanner has seen since start. */
    public static class Scanning {
        private final double threshold;
        private final long messages;
        private final long spam;
        private final long truncated;

        public Scanning(double threshold, long messages, long spam, long truncated) {
            this.threshold = threshold;
            this.messages = messages;
            this.spam = spam;
            this.truncated = truncated;
        }

        public double getThreshold() {
            return threshold;
        }

        public long getMessages() {
            return messages;
        }

        public long getSpam() {
            return spam;
        }

        public long getTruncated() {
            return truncated;
        }
    }

    /** The quarantine repository and how many mails it holds. */
    public static class Quarantine {
        private final String repository;
        private final long size;

        public Quarantine(String repository, long size) {
            this.repository = repository;
            this.size = size;
        }

        public String getRepository() {
            return repository;
        }

        public long getSize() {
            return size;
        }
    }
}
