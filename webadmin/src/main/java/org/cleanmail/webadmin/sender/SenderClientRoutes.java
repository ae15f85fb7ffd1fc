package org.cleanmail.webadmin.sender;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.cleanmail.core.sender.SenderFlag;
import org.cleanmail.james.sender.ClientRecord;
import org.cleanmail.james.sender.RefusalCounter;
import org.cleanmail.james.sender.SenderProtection;
import org.eclipse.jetty.http.HttpStatus;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Behaviour analysis over webadmin, under {@code /cleanmail/sender}:
 * <ul>
 *   <li>{@code GET /cleanmail/sender/flags}: clients and networks blocked now, with reason
 *   code, reason, since and until;</li>
 *   <li>{@code PUT /cleanmail/sender/flags/{ip}?duration=1h&reason=...}: blocks a client
 *   (code {@code CM-BLOCKED}) from its next connection; answers the flag;</li>
 *   <li>{@code DELETE /cleanmail/sender/flags/{ip}} or {@code .../{network}/{length}}: lifts
 *   the blocks of a client (its own and its network's) or of a network at once: 204, or 404
 *   when it was not blocked;</li>
 *   <li>{@code GET /cleanmail/sender/clients/{ip}}: one client's record: counters, open
 *   connections, flag, reputation and its rule hits, blacklist entry;</li>
 *   <li>{@code GET /cleanmail/sender/refusals}: SMTP refusals since start by reason.</li>
 * </ul>
 * Flags live in memory: they end at a restart. Use the blacklist for lasting blocks.
 * Register in {@code webadmin.properties}:
 * {@code extensions.routes=org.cleanmail.webadmin.sender.SenderClientRoutes}.
 */
public class SenderClientRoutes implements Routes {
    public static final String BASE_PATH = "/cleanmail/sender";
    public static final String FLAGS_PATH = BASE_PATH + "/flags";
    public static final String FLAG_PATH = FLAGS_PATH + "/" + Addresses.ADDRESS;
    public static final String NETWORK_FLAG_PATH = FLAG_PATH + "/" + Addresses.LENGTH;
    public static final String CLIENT_PATH = BASE_PATH + "/clients/" + Addresses.ADDRESS;
    public static final String REFUSALS_PATH = BASE_PATH + "/refusals";
    public static final String DURATION_PARAMETER = "duration";
    public static final String REASON_PARAMETER = "reason";
    public static final Duration DEFAULT_BLOCK_DURATION = Duration.ofHours(1);
    public static final String DEFAULT_REASON = "blocked by an administrator";

    private final SenderProtection protection;
    private final RefusalCounter refusals;
    private final JsonTransformer jsonTransformer = new JsonTransformer();

    @Inject
    public SenderClientRoutes(SenderProtection protection, RefusalCounter refusals) {
        this.protection = protection;
        this.refusals = refusals;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(FLAGS_PATH, (request, response) -> SenderJson.flags(protection.analyzer().flags()), jsonTransformer);
        service.put(FLAG_PATH, this::block, jsonTransformer);
        service.delete(FLAG_PATH, this::unblock);
        service.delete(NETWORK_FLAG_PATH, this::unblock);
        service.get(CLIENT_PATH, this::client, jsonTransformer);
        service.get(REFUSALS_PATH, (request, response) -> refusals.counts(), jsonTransformer);
    }

    private Map<String, Object> block(Request request, Response response) {
        InetAddress client = Addresses.address(request);
        Duration duration = Optional.ofNullable(request.queryParams(DURATION_PARAMETER))
            .map(SenderClientRoutes::duration)
            .orElse(DEFAULT_BLOCK_DURATION);
        String reason = Optional.ofNullable(request.queryParams(REASON_PARAMETER))
            .filter(text -> !text.isBlank())
            .orElse(DEFAULT_REASON);
        SenderFlag flag = protection.analyzer().block(client, duration, reason);
        return SenderJson.flag(flag);
    }

    private String unblock(Request request, Response response) {
        String target = Addresses.addressOrNetwork(request);
        if (!protection.analyzer().unblock(target)) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.NOT_FOUND_404)
                .type(ErrorResponder.ErrorType.NOT_FOUND)
                .message("%s is not blocked", target)
                .haltError();
        }
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private Map<String, Object> client(Request request, Response response) {
        ClientRecord record = protection.record(Addresses.address(request));
        return SenderJson.client(record);
    }

    /** ISO-8601 ({@code PT1H}) or {@code 30m}, {@code 1h}, {@code 7d}; positive. */
    static Duration duration(String text) {
        Duration parsed;
        try {
            parsed = DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'duration' must be like 30m, 1h, 7d or PT1H; got '" + text + "'");
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new IllegalArgumentException("'duration' must be positive, e.g. duration=1h; got '" + text + "'");
        }
        return parsed;
    }
}
