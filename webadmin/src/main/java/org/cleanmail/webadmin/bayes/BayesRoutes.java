package org.cleanmail.webadmin.bayes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.cleanmail.core.bayes.BayesFilter;
import org.cleanmail.core.bayes.DatabaseStatistics;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.pipeline.BayesOptions;
import org.cleanmail.core.pipeline.ScanInput;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.webadmin.MessageBodies;
import org.eclipse.jetty.http.HttpStatus;

import com.google.common.base.Preconditions;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The Bayes filter over webadmin, under {@code /cleanmail/bayes}:
 * <ul>
 *   <li>{@code GET /cleanmail/bayes}: messages learnt as spam and ham, distinct tokens,
 *   whether the filter answers yet (and the minimums it needs), the score set in use;</li>
 *   <li>{@code POST /cleanmail/bayes/probability} with a raw message as the body: the
 *   probability that it is spam (null while the filter does not answer);</li>
 *   <li>{@code POST /cleanmail/bayes/reports?as=spam|ham} with a raw message as the body:
 *   learns it (a spam report also learns its fingerprints, a ham report removes and vetoes
 *   them, as {@code /cleanmail/fingerprints/reports} does).</li>
 * </ul>
 * Register in {@code webadmin.properties}: {@code extensions.routes=...,org.cleanmail.webadmin.bayes.BayesRoutes}.
 */
public class BayesRoutes implements Routes {
    public static final String BASE_PATH = "/cleanmail/bayes";

    private final CleanMailRuntime runtime;
    private final JsonTransformer jsonTransformer = new JsonTransformer();

    @Inject
    public BayesRoutes(CleanMailRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, (request, response) -> status(), jsonTransformer);
        service.post(BASE_PATH + "/probability", this::probability, jsonTransformer);
        service.post(BASE_PATH + "/reports", this::report, jsonTransformer);
    }

    private BayesFilter filter() {
        return runtime.engine().bayes().orElseThrow(() -> ErrorResponder.builder()
            .statusCode(HttpStatus.CONFLICT_409)
            .type(ErrorResponder.ErrorType.WRONG_STATE)
            .message("The Bayes filter is disabled (bayes.enabled=false in cleanmail.properties)")
            .haltError());
    }

    private Map<String, Object> status() {
        BayesFilter filter = filter();
        DatabaseStatistics statistics = filter.statistics();
        BayesOptions options = runtime.engine().bayesOptions();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("spamLearnt", statistics.spamMessages());
        body.put("hamLearnt", statistics.hamMessages());
        body.put("tokens", statistics.tokens());
        body.put("maximumTokens", options.maximumTokens());
        body.put("answers", filter.ready());
        body.put("minimumSpam", options.minimumSpam());
        body.put("minimumHam", options.minimumHam());
        body.put("scoreSet", runtime.engine().rules().scoreSet());
        return body;
    }

    private Map<String, Object> probability(Request request, Response response) {
        BayesFilter filter = filter();
        OptionalDouble probability = filter.probability(parse(request).features());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("probability", probability.isPresent() ? probability.getAsDouble() : null);
        body.put("answers", filter.ready());
        return body;
    }

    private Map<String, Object> report(Request request, Response response) {
        String as = Optional.ofNullable(request.queryParams("as")).orElse("").toLowerCase(Locale.ROOT);
        Preconditions.checkArgument(as.equals("spam") || as.equals("ham"),
            "'as' must be spam or ham, e.g. POST " + BASE_PATH + "/reports?as=spam");
        filter();
        ScanInput input = parse(request);
        if (as.equals("spam")) {
            runtime.engine().learnSpam(input, FingerprintSource.USER_REPORT);
        } else {
            runtime.engine().learnHam(input, FingerprintSource.USER_REPORT);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reported", as);
        body.putAll(status());
        return body;
    }

    private ScanInput parse(Request request) {
        return MessageBodies.parse(request, runtime);
    }
}
