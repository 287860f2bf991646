package org.cityvitals.dashboard.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.validation.ValidatorException;
import org.cityvitals.indicators.signal.SignalCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How every REST answer is written: signals through SignalCodec, errors as {@code {"error": …}}. */
final class Answers {

    private static final Logger LOG = LoggerFactory.getLogger(Answers.class);

    private Answers() {}

    static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(body instanceof JsonObject json ? json.encode() : SignalCodec.toJson(body));
    }

    static void json(RoutingContext ctx, Object body) {
        json(ctx, 200, body);
    }

    static void error(RoutingContext ctx, int status, String message) {
        if (!ctx.response().ended()) {
            json(ctx, status, new JsonObject().put("error", message));
        }
    }

    /**
     * Turns a failed request into a JSON error: a request the OpenAPI description refuses (400 naming the parameter
     * or body field and why), a body over the limit (413), a bug (500, logged). Only server faults are logged.
     */
    static void failure(RoutingContext ctx) {
        Throwable cause = ctx.failure();
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (cause instanceof ValidatorException invalid) {
            error(ctx, 400, invalid.getMessage());
            return;
        }
        if (status >= 500) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), cause);
        }
        error(ctx, status, status == 413 ? "request body too large"
                : HttpResponseStatus.valueOf(status).reasonPhrase());
    }
}
