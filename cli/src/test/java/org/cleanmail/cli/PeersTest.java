package org.cleanmail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real spamd and rspamd, when installed (Debian packages spamd, spamc, rspamd,
 * redis-server); skipped with a message otherwise. Slow: each daemon takes seconds to start.
 */
class PeersTest {
    private static final byte[] GTUBE = ("From: a@example.com\nTo: b@example.com\nSubject: test\nMessage-ID: <1@example.com>\n\n"
        + "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HAM = ("From: Alice <alice@example.com>\nTo: Bob <bob@example.com>\nSubject: lunch\n"
        + "Message-ID: <2@example.com>\nDate: Sat, 05 Dec 2026 12:00:00 +0000\n\nShall we meet at noon? The minutes of"
        + " yesterday's meeting are attached; the budget review moves to Thursday, and the new office opens next month.\n")
        .getBytes(StandardCharsets.US_ASCII);

    @Test
    void spamdShouldFlagGtubeAndPassOrdinaryMail() throws IOException {
        Assumptions.assumeTrue(SpamdPeer.installed(), "spamd is not installed: " + SpamdPeer.INSTALL_HINT);
        try (SpamdPeer spamd = SpamdPeer.start("spamd", 1, null, List.of())) {
            PeerVerdict gtube = spamd.check(GTUBE);
            PeerVerdict ham = spamd.check(HAM);

            assertThat(gtube.spam()).isTrue();
            assertThat(gtube.score()).isGreaterThanOrEqualTo(1000);
            assertThat(ham.spam()).isFalse();
        }
    }

    @Test
    void rspamdShouldFlagGtubePassOrdinaryMailAndLearn() throws IOException {
        Assumptions.assumeTrue(RspamdPeer.installed() && RedisProcess.installed(),
            "rspamd or redis-server is not installed: " + RspamdPeer.INSTALL_HINT);
        try (RedisProcess redis = RedisProcess.start(); RspamdPeer rspamd = RspamdPeer.start("rspamd", 1, redis.port())) {
            PeerVerdict gtube = rspamd.check(GTUBE);
            PeerVerdict ham = rspamd.check(HAM);

            assertThat(gtube.spam()).isTrue();
            assertThat(ham.spam()).isFalse();
            assertThat(rspamd.learn(HAM, false)).isTrue();
        }
    }
}
