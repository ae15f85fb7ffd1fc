package org.cleanmail.core.scan;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.google.common.primitives.Bytes;

/**
 * The Generic Test for Unsolicited Bulk Email: a message that contains the GTUBE string
 * always scores {@value #SCORE}, so administrators can check the whole spam path end to
 * end, as with SpamAssassin and rspamd.
 */
public final class GtubeRule implements Rule {
    public static final String NAME = "GTUBE";
    public static final double SCORE = 1000.0;
    public static final String GTUBE =
        "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    private static final byte[] GTUBE_BYTES = GTUBE.getBytes(StandardCharsets.US_ASCII);
    private static final RuleHit HIT = new RuleHit(NAME, SCORE, "Generic Test for Unsolicited Bulk Email");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<RuleHit> evaluate(RawMessage message) {
        if (Bytes.indexOf(message.bytes(), GTUBE_BYTES) >= 0) {
            return Optional.of(HIT);
        }
        return Optional.empty();
    }
}
