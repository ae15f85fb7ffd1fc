package org.cleanmail.webadmin.policy;

import java.util.Optional;

import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;

import spark.Request;

/** What the policy and quarantine routes share: optional query parameters and 404 answers. */
final class RouteSupport {
    private RouteSupport() {
    }

    /** A query parameter, trimmed; empty when absent or blank. */
    static Optional<String> optional(Request request, String name) {
        return Optional.ofNullable(request.queryParams(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** A 404 answer whose message is formatted from {@code format} and {@code arguments}. */
    static RuntimeException notFound(String format, Object... arguments) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.NOT_FOUND_404)
            .type(ErrorResponder.ErrorType.NOT_FOUND)
            .message(format, arguments)
            .haltError();
    }
}
