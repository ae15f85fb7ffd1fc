package org.cleanmail.core.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.core.scan.StatusLine;

/**
 * The plain-text spam report put before the original of a message delivered with the tag
 * style {@code attachReport} (as SpamAssassin's {@code report_safe 1} does): why the message
 * was judged spam, its score against the recipient's threshold, and each rule that fired
 * with its points and description, highest first. Stateless.
 */
public final class SpamReport {
    private static final int NAME_WIDTH = 24;

    private SpamReport() {
    }

    /** The report of {@code scan} for a recipient whose spam threshold is {@code threshold}. */
    public static String of(ScanResult scan, double threshold, DispositionReason reason) {
        StringBuilder text = new StringBuilder()
            .append("CleanMail judged this message to be spam (").append(describe(reason)).append(").\n")
            .append("The original message is attached, unchanged. Be careful with its links and attachments;\n")
            .append("if it is not spam, report it to your administrator.\n\n")
            .append("Score: ").append(StatusLine.formatScore(scan.score()))
            .append(" (spam from ").append(StatusLine.formatScore(threshold)).append(")\n");
        if (scan.truncated()) {
            text.append("Only the beginning of this large message was scanned.\n");
        }
        text.append("\nContent analysis details:\n\n")
            .append(String.format(Locale.ROOT, " %6s %-" + NAME_WIDTH + "s %s\n", "pts", "rule", "description"))
            .append(String.format(Locale.ROOT, " %6s %-" + NAME_WIDTH + "s %s\n", "------", "-".repeat(NAME_WIDTH),
                "-".repeat(40)));
        List<RuleHit> hits = scan.hits().stream()
            .sorted(Comparator.comparingDouble(RuleHit::score).reversed().thenComparing(RuleHit::name))
            .collect(Collectors.toList());
        if (hits.isEmpty()) {
            text.append(" (no rule fired)\n");
        }
        for (RuleHit hit : hits) {
            String description = hit.description().isBlank() ? "" : oneLine(hit.description());
            String detail = hit.detail().map(value -> " [" + oneLine(value) + "]").orElse("");
            text.append(String.format(Locale.ROOT, " %6s %-" + NAME_WIDTH + "s %s%s\n", StatusLine.formatScore(hit.score()),
                hit.name(), description, detail));
        }
        return text.toString().replace("\n", "\r\n");
    }

    private static String describe(DispositionReason reason) {
        switch (reason) {
            case CERTAIN_SPAM:
                return "certain spam: its score reached the certain-spam threshold";
            case BLACKLISTED:
                return "the sender is on your personal black list";
            case SPAM:
                return "its score reached the spam threshold";
            default:
                return reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").trim();
    }
}
