/**
 * Spam fingerprints: recognise copies and near copies of mail already known as spam.
 * <p>
 * {@link org.cleanmail.core.fingerprint.FingerprintCalculator} turns the decoded content
 * of a message ({@link org.cleanmail.core.fingerprint.DecodedContent}) into fingerprints:
 * the SHA-256 of the {@link org.cleanmail.core.fingerprint.TextNormalizer normalised}
 * text, a MinHash signature of its word shingles, the SHA-256 of each attachment and of
 * the set of linked hosts. {@link org.cleanmail.core.fingerprint.FingerprintMatcher}
 * looks them up in a {@link org.cleanmail.core.fingerprint.store.FingerprintStore},
 * learns them from spam and vetoes them on ham reports.
 * <p>
 * Why MinHash over 2-word shingles, 32 values, a match above half of them. Measured on
 * the public SpamAssassin corpus by brute force (FuzzySchemeMeasurement): copies of the
 * odd-numbered spam with 5% of the words replaced, paragraphs shuffled, a tracking link
 * inserted and a greeting added, against their original; and every ham against every
 * spam.
 * <pre>
 * scheme                          threshold  heavily edited copies caught  ham matching a spam
 * MinHash 32 x 2-word shingles    17/32      95.2%                          0 of 4239
 * MinHash 32 x 3-word (rspamd)    17/32      69.3%                          0
 * MinHash 64 x 3-word             33/64      77.1%                          0
 * SimHash 64 bits, 3-word         54/64      19.6%                          0
 * SimHash 64 bits, 3-word         50/64      55.0%                         21
 * </pre>
 * SimHash sums every shingle into one 64-bit vote, so a few edits flip many bits of a
 * short text; MinHash loses one value per changed minimum. Shorter shingles survive
 * shuffled paragraphs and replaced words better, and the ham margin stays wide: the first
 * ham matches appear at 8 of 32 agreeing values. Keeping rspamd's "more than half"
 * threshold lets the band index (16 bands of 2 values) find every match: 17 agreeing
 * values in 16 bands fill at least one band.
 * <p>
 * Footers: about half of the corpus spam reached its recipients through mailing lists,
 * whose footers it shares with the lists' ham. Footers are dropped before hashing, and
 * hosts named only in them do not count in the URL set; a single-host URL set gives no
 * fingerprint. Before this, 1 ham matched spam by text (a shared list footer) and 880 by
 * URL set; after it, 0 by text and 8 by URL set (MSN Groups mail, whose links are the same
 * in ham and spam).
 * <p>
 * For the MIME decoder: of a multipart/alternative, fingerprint the last (richest) part.
 * Taking the first made 8 ham match spam exactly, through the MSN Groups plain-text
 * notice "We attempted to deliver this message to you with HTML formatting".
 */
package org.cleanmail.core.fingerprint;
