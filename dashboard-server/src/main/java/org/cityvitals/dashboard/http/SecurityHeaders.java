package org.cityvitals.dashboard.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers every answer carries. The content security policy allows only this origin's scripts, styles and
 * sockets; ECharts writes its tooltips as HTML with inline {@code style} attributes and paints to canvas, hence
 * {@code 'unsafe-inline'} for styles only and {@code data:}/{@code blob:} images. No framing, no MIME sniffing, no
 * referrer leaving the origin, and HSTS when serving TLS.
 */
final class SecurityHeaders implements Handler<RoutingContext> {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final boolean tls;

    SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    @Override
    public void handle(RoutingContext ctx) {
        var headers = ctx.response().headers();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("X-Frame-Options", "DENY")
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set("Cross-Origin-Opener-Policy", "same-origin");
        if (tls) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        ctx.next();
    }
}
