package org.cleanmail.smtp;

import javax.inject.Inject;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.cleanmail.core.blacklist.BlacklistEntry;
import org.cleanmail.core.sender.BehaviourVerdict;
import org.cleanmail.james.sender.RefusalCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a refusal into the SMTP reply James sends, counts it by reason and logs it. Every
 * reply reads {@code <code> <enhanced code> <text> [<reason code>]}, e.g.
 * {@code 554 5.7.1 Connection refused [CM-BL-IP]}: the reason code is public, the
 * blacklist entry's reason and the counters stay private.
 */
public class SmtpRefusals {
    /** Stage names starting so are logged at DEBUG: a flagged client may try thousands of recipients. */
    public static final String RCPT_STAGE = "RCPT TO";

    private static final Logger LOGGER = LoggerFactory.getLogger(SmtpRefusals.class);

    private final RefusalCounter counter;

    @Inject
    public SmtpRefusals(RefusalCounter counter) {
        this.counter = counter;
    }

    /** The verdict of a blacklist match at some stage: 554 at connect, 550 later. */
    public static BehaviourVerdict blacklisted(BlacklistEntry entry, int smtpCode, String text) {
        return BehaviourVerdict.refuse(smtpCode, "5.7.1", entry.code(), text);
    }

    /** The hook result of a refusal: DENY for 5xx, DENYSOFT for 4xx. */
    public HookResult hookResult(BehaviourVerdict verdict, String stage, Object client) {
        record(verdict, stage, client);
        HookReturnCode code = verdict.action() == BehaviourVerdict.Action.PERM_REFUSE
            ? HookReturnCode.deny() : HookReturnCode.denySoft();
        return HookResult.builder()
            .hookReturnCode(code)
            .smtpReturnCode(String.valueOf(verdict.smtpCode()))
            .smtpDescription(verdict.text())
            .build();
    }

    /** The reply of a refusal at connect time, which ends the session. */
    public Response connectResponse(BehaviourVerdict verdict, Object client) {
        record(verdict, "connect", client);
        SMTPResponse response = new SMTPResponse(String.valueOf(verdict.smtpCode()), verdict.text());
        response.setEndSession(true);
        return response;
    }

    private void record(BehaviourVerdict verdict, String stage, Object client) {
        counter.count(verdict.reasonCode());
        if (stage.startsWith(RCPT_STAGE)) {
            LOGGER.debug("Refused {} at {}: {} {}", client, stage, verdict.smtpCode(), verdict.text());
        } else {
            LOGGER.info("Refused {} at {}: {} {}", client, stage, verdict.smtpCode(), verdict.text());
        }
    }
}
