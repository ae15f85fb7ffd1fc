package org.cleanmail.webadmin;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.cleanmail.core.CleanMailVersion;
import org.cleanmail.core.scan.ScanStatistics;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.CleanMailRuntime;

import spark.Service;

/**
 * CleanMail's webadmin routes, under {@code /cleanmail}. Register them in
 * {@code webadmin.properties}:
 * <pre>
 * extensions.routes=org.cleanmail.webadmin.CleanMailRoutes
 * </pre>
 * <ul>
 *   <li>{@code GET /cleanmail/status}: version, rules loaded, scanning counters since
 *   start, quarantine repository and size.</li>
 * </ul>
 */
public class CleanMailRoutes implements Routes {
    public static final String BASE_PATH = "/cleanmail";
    public static final String STATUS_PATH = BASE_PATH + "/status";

    private final CleanMailRuntime runtime;
    private final MailRepositoryStore repositoryStore;
    private final JsonTransformer jsonTransformer = new JsonTransformer();

    @Inject
    public CleanMailRoutes(CleanMailRuntime runtime, MailRepositoryStore repositoryStore) {
        this.runtime = runtime;
        this.repositoryStore = repositoryStore;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(STATUS_PATH, (request, response) -> status(), jsonTransformer);
    }

    private CleanMailStatus status() throws MailRepositoryStore.MailRepositoryStoreException, MessagingException {
        CleanMailConfiguration configuration = runtime.configuration();
        ScanStatistics statistics = runtime.statistics();
        String quarantineUrl = configuration.quarantineRepository();
        long quarantineSize = repositoryStore.select(MailRepositoryUrl.from(quarantineUrl)).size();
        return new CleanMailStatus(CleanMailVersion.get(),
            new CleanMailStatus.Rules(runtime.scanner().ruleCount()),
            new CleanMailStatus.Scanning(configuration.threshold(), statistics.scanned(), statistics.spam(),
                statistics.truncated()),
            new CleanMailStatus.Quarantine(quarantineUrl, quarantineSize));
    }
}
