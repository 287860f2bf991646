package org.cityvitals.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * The dashboard's Prometheus registry. A Vert.x made by {@link #newVertx} reports its own meters (HTTP server,
 * event bus, worker pools) into it through vertx-micrometer-metrics, with the JVM binders; a Vert.x handed in by an
 * embedding program (the demo) gets a registry of its own with the JVM binders. The Kafka consumer binds its client
 * metrics (including consumer lag) where it is created.
 */
public final class DashboardMetrics {

    private DashboardMetrics() {}

    /** A Vert.x instance whose metrics go to a Prometheus registry that {@link #registry} finds. */
    public static Vertx newVertx() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        .setJvmMetricsEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }

    /** The registry of a Vert.x made by {@link #newVertx}; otherwise a new one with the JVM binders. */
    static PrometheusMeterRegistry registry(Vertx vertx) {
        MeterRegistry existing = vertx.isMetricsEnabled() ? BackendRegistries.getDefaultNow() : null;
        if (existing instanceof PrometheusMeterRegistry prometheus) {
            return prometheus;
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }
}
