package org.cleanmail.webadmin.sender;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.cleanmail.core.blacklist.PersonalList;
import org.cleanmail.core.blacklist.PersonalListKind;
import org.cleanmail.james.sender.SenderProtection;
import org.eclipse.jetty.http.HttpStatus;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Each recipient's personal white and black lists over webadmin, under
 * {@code /cleanmail/personal-lists}. Changes apply to the next mail and are saved at once
 * to {@code personal-lists.txt} in the state folder.
 * <ul>
 *   <li>{@code GET /cleanmail/personal-lists}: recipients having lists;</li>
 *   <li>{@code GET /cleanmail/personal-lists/{recipient}}:
 *   {@code {"white": [...], "black": [...]}};</li>
 *   <li>{@code PUT|DELETE /cleanmail/personal-lists/{recipient}/{white|black}/{sender}}: adds
 *   or removes a sender address or domain (204; DELETE of what is not listed: 404).</li>
 * </ul>
 */
public class PersonalListRoutes implements Routes {
    public static final String BASE_PATH = "/cleanmail/personal-lists";
    public static final String RECIPIENT = ":recipient";
    public static final String LIST = ":list";
    public static final String SENDER = ":sender";
    public static final String RECIPIENT_PATH = BASE_PATH + "/" + RECIPIENT;
    public static final String SENDER_PATH = RECIPIENT_PATH + "/" + LIST + "/" + SENDER;

    private final SenderProtection protection;
    private final JsonTransformer jsonTransformer = new JsonTransformer();

    @Inject
    public PersonalListRoutes(SenderProtection protection) {
        this.protection = protection;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, (request, response) -> protection.personalLists().recipients(), jsonTransformer);
        service.get(RECIPIENT_PATH, this::lists, jsonTransformer);
        service.put(SENDER_PATH, this::add);
        service.delete(SENDER_PATH, this::remove);
    }

    private Map<String, List<String>> lists(Request request, Response response) {
        PersonalList list = protection.personalLists().listOf(request.params(RECIPIENT));
        Map<String, List<String>> json = new LinkedHashMap<>();
        json.put(PersonalListKind.WHITELIST.keyword(), List.copyOf(new TreeSet<>(list.whitelist())));
        json.put(PersonalListKind.BLACKLIST.keyword(), List.copyOf(new TreeSet<>(list.blacklist())));
        return json;
    }

    private String add(Request request, Response response) {
        protection.personalLists().add(request.params(RECIPIENT), kind(request), request.params(SENDER));
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private String remove(Request request, Response response) {
        if (!protection.personalLists().remove(request.params(RECIPIENT), kind(request), request.params(SENDER))) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.NOT_FOUND_404)
                .type(ErrorResponder.ErrorType.NOT_FOUND)
                .message("%s is not on the %s list of %s", request.params(SENDER), request.params(LIST),
                    request.params(RECIPIENT))
                .haltError();
        }
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private static PersonalListKind kind(Request request) {
        String list = request.params(LIST);
        return PersonalListKind.fromKeyword(list).orElseThrow(() -> new IllegalArgumentException(
            "unknown list '" + list + "'; expected white or black"));
    }
}
