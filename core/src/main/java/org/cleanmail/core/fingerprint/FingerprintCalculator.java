package org.cleanmail.core.fingerprint;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.google.common.hash.Hashing;

/**
 * Computes the {@link MessageFingerprints} of decoded content:
 * <ul>
 * <li>TEXT_EXACT: SHA-256 of the {@link TextNormalizer normalised} text, when it has
 *     enough content words (see {@link FingerprintSettings});</li>
 * <li>TEXT_FUZZY: {@link MinHasher MinHash} of the normalised words, when the text reaches
 *     the minimum length of the settings;</li>
 * <li>ATTACHMENT: the SHA-256 of each distinct non-empty attachment;</li>
 * <li>URL_SET: SHA-256 of the distinct link hosts, lower-cased, trailing dot removed,
 *     sorted, one per line; hosts named only in the dropped footer (mailing-list links)
 *     do not count, and fewer than {@link FingerprintSettings#minUrlSetHosts()} hosts give
 *     no fingerprint (a single host is shared by too much mail: it is a job for URI
 *     block lists).</li>
 * </ul>
 * Ids are the first 128 bits of the SHA-256. Thread-safe.
 */
public final class FingerprintCalculator {
    /** Hosts beyond this many distinct ones are ignored, to bound the work on hostile input. */
    public static final int MAX_LINK_HOSTS = 256;

    private final FingerprintSettings settings;
    private final TextNormalizer normalizer;
    private final MinHasher minHasher;

    public FingerprintCalculator(FingerprintSettings settings) {
        this.settings = settings;
        this.normalizer = new TextNormalizer(settings.maxBodyChars());
        this.minHasher = new MinHasher(settings.shingleSize(), settings.hashCount(), settings.seed());
    }

    public FingerprintSettings settings() {
        return settings;
    }

    public MessageFingerprints fingerprints(DecodedContent content) {
        NormalizedText text = normalizer.normalize(content.bodyText());
        return new MessageFingerprints(textExact(text), textFuzzy(text), attachments(content), urlSet(content, text));
    }

    private Optional<Fingerprint> textExact(NormalizedText text) {
        if (text.contentWordCount() < settings.minExactWords()) {
            return Optional.empty();
        }
        return Optional.of(Fingerprint.exact(FingerprintKind.TEXT_EXACT, sha256(text.text())));
    }

    private Optional<Fingerprint> textFuzzy(NormalizedText text) {
        if (text.contentWordCount() < settings.minFuzzyWords() || text.text().length() < settings.minFuzzyChars()) {
            return Optional.empty();
        }
        return Optional.of(Fingerprint.fuzzy(minHasher.signature(text.words())));
    }

    private static List<Fingerprint> attachments(DecodedContent content) {
        return content.attachments().stream()
            .filter(attachment -> !attachment.isEmpty())
            .map(Attachment::sha256)
            .distinct()
            .map(sha256 -> Fingerprint.exact(FingerprintKind.ATTACHMENT, FingerprintId.parse(sha256)))
            .collect(Collectors.toUnmodifiableList());
    }

    private Optional<Fingerprint> urlSet(DecodedContent content, NormalizedText text) {
        String body = text.body().toLowerCase(Locale.ROOT);
        String footer = text.footer().toLowerCase(Locale.ROOT);
        TreeSet<String> hosts = content.linkHosts().stream()
            .map(FingerprintCalculator::canonicalHost)
            .filter(host -> !host.isEmpty())
            .distinct()
            .limit(MAX_LINK_HOSTS)
            .filter(host -> !footer.contains(host) || body.contains(host))
            .collect(Collectors.toCollection(TreeSet::new));
        if (hosts.size() < settings.minUrlSetHosts()) {
            return Optional.empty();
        }
        return Optional.of(Fingerprint.exact(FingerprintKind.URL_SET, sha256(String.join("\n", hosts))));
    }

    private static String canonicalHost(String host) {
        String trimmed = host.trim().toLowerCase(Locale.ROOT);
        while (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static FingerprintId sha256(String text) {
        return FingerprintId.of(Hashing.sha256().hashString(text, StandardCharsets.UTF_8));
    }
}
