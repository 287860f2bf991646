package org.cityvitals.dashboard.open;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.cityvitals.dashboard.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One load per key and period, shared by everyone asking while it runs; failures are kept a few seconds. */
class ResponseCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aKeyIsLoadedOncePerPeriodHoweverManyAsk() {
        TestClock clock = new TestClock(T0);
        ResponseCache<String, String> cache = new ResponseCache<>(Duration.ofMinutes(1), 100, clock);
        AtomicInteger loads = new AtomicInteger();
        Promise<String> slow = Promise.promise();
        for (int i = 0; i < 1000; i++) {
            cache.get("air.pm25|310101", () -> {
                loads.incrementAndGet();
                return slow.future();
            });
        }
        slow.complete("rows");
        clock.set(T0.plusSeconds(59));
        assertThat(cache.get("air.pm25|310101", () -> Future.succeededFuture("other")).result()).isEqualTo("rows");
        assertThat(loads).hasValue(1);
        clock.set(T0.plusSeconds(60));
        assertThat(cache.get("air.pm25|310101", () -> Future.succeededFuture("fresh")).result()).isEqualTo("fresh");
    }

    @Test
    void aFailedLoadIsKeptFiveSecondsThenTriedAgain() {
        TestClock clock = new TestClock(T0);
        ResponseCache<String, String> cache = new ResponseCache<>(Duration.ofMinutes(1), 100, clock);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            assertThat(cache.get("k", () -> {
                loads.incrementAndGet();
                return Future.failedFuture("ClickHouse is down");
            }).failed()).isTrue();
        }
        assertThat(loads).hasValue(1);
        clock.set(T0.plusMillis(4_999));
        assertThat(cache.get("k", () -> Future.succeededFuture("rows")).failed()).isTrue();
        clock.set(T0.plusSeconds(5));
        assertThat(cache.get("k", () -> Future.succeededFuture("rows")).result()).isEqualTo("rows");
    }

    @Test
    void aLoadFailingLaterIsKeptFiveSecondsFromItsFailure() {
        TestClock clock = new TestClock(T0);
        ResponseCache<String, String> cache = new ResponseCache<>(Duration.ofMinutes(1), 100, clock);
        Promise<String> slow = Promise.promise();
        cache.get("k", slow::future);
        clock.set(T0.plusSeconds(30));
        slow.fail("ClickHouse timed out");
        clock.set(T0.plusSeconds(34));
        assertThat(cache.get("k", () -> Future.succeededFuture("rows")).failed()).isTrue();
        clock.set(T0.plusSeconds(35));
        assertThat(cache.get("k", () -> Future.succeededFuture("rows")).result()).isEqualTo("rows");
    }

    @Test
    void theOldestAnswerMakesRoomWhenFull() {
        TestClock clock = new TestClock(T0);
        ResponseCache<String, String> cache = new ResponseCache<>(Duration.ofMinutes(1), 2, clock);
        cache.get("a", () -> Future.succeededFuture("a1"));
        cache.get("b", () -> Future.succeededFuture("b1"));
        cache.get("c", () -> Future.succeededFuture("c1"));
        assertThat(cache.get("b", () -> Future.succeededFuture("b2")).result()).isEqualTo("b1");
        assertThat(cache.get("a", () -> Future.succeededFuture("a2")).result()).isEqualTo("a2");
    }
}
