package dev.portmoneconnect.source;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A body the HTTP server cannot even take apart, such as a form post with {@code order_id=%ZZ}, fails
 * before the webhook sees it. Its sender gets {@code 400} with a JSON error, as for any other bad body,
 * and the log a debug line: anyone can send one, with or without a token, and it is no fault of the app.
 */
@ApplicationScoped
public class WebhookBodyFailures {

    void register(@Observes Router router) {
        router.route("/hooks/*").failureHandler(this::answer);
    }

    void answer(RoutingContext request) {
        int status = request.statusCode();
        if (status < 400 || status >= 500 || request.response().ended()) {
            request.next();
            return;
        }
        Throwable failure = request.failure();
        Log.debugf("Webhook %s: body refused (%d): %s", request.normalizedPath(), status,
                failure == null ? "" : failure.getMessage());
        String error = status == 413 ? "body over 1 MiB"
                : "body cannot be read as JSON or as a URL-encoded form";
        request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("error", error).encode());
    }
}
