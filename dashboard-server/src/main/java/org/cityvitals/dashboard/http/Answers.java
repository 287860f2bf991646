package org.cityvitals.dashboard.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import org.cityvitals.indicators.signal.SignalCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;

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

    /** Runs a ClickHouse query on the store's worker pool and sends its answer; 503 naming {@code what} if it fails. */
    static void fromStore(RoutingContext ctx, WorkerExecutor store, String what, Callable<?> query) {
        onceDone(ctx, store.executeBlocking(query, false), 200, what + " is unavailable");
    }

    /**
     * Answers {@code status} with what {@code write} recorded once it has; 503 saying {@code what} was not recorded
     * when it failed.
     */
    static void recorded(RoutingContext ctx, Future<?> write, int status, String what) {
        onceDone(ctx, write, status, what + " was not recorded");
    }

    private static void onceDone(RoutingContext ctx, Future<?> result, int status, String failure) {
        result.onComplete(done -> {
            if (done.failed()) {
                error(ctx, 503, failure + ": " + done.cause().getMessage());
            } else {
                json(ctx, status, done.result());
            }
        });
    }

    static void error(RoutingContext ctx, int status, String message) {
        if (!ctx.response().ended()) {
            json(ctx, status, new JsonObject().put("error", message));
        }
    }

    /** The validator's message, with the schema's own reason when it gives one (which field, what is wrong). */
    private static String describe(ValidatorException invalid) {
        String message = invalid.getMessage();
        if (invalid instanceof io.vertx.openapi.validation.SchemaValidationException schema
                && schema.getOutputUnit() != null && schema.getOutputUnit().getErrors() != null) {
            StringBuilder reasons = new StringBuilder(message);
            schema.getOutputUnit().getErrors().forEach(e -> reasons.append("; ").append(e.getInstanceLocation())
                    .append(": ").append(e.getError()));
            return reasons.toString();
        }
        return message;
    }

    /**
     * Turns a failed request into a JSON error: a request the OpenAPI description refuses (400 naming the parameter
     * or body field and why), a body over the limit (413), a bug (500, logged). Only server faults are logged.
     */
    static void failure(RoutingContext ctx) {
        Throwable cause = ctx.failure();
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof ValidatorException invalid) {
                error(ctx, 400, describe(invalid));
                return;
            }
        }
        if (cause instanceof HttpException refused && status < 500 && refused.getPayload() != null) {
            error(ctx, status, refused.getPayload());
            return;
        }
        if (status >= 500) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), cause);
        }
        error(ctx, status, status == 413 ? "request body too large"
                : HttpResponseStatus.valueOf(status).reasonPhrase());
    }
}
