package org.erpinsight.crm.gateway;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.ErpReading;
import org.junit.Test;

public class LastKnownTest {
    private final SharedCalls shared = new SharedCalls();
    private Instant now = Instant.parse("2026-11-28T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @Test
    public void freshReadingsAreReusedAndLastKnownOnesAnswerOutagesMarkedStale() {
        LastKnown<String> cache = new LastKnown<>(Duration.ofSeconds(15), Duration.ofHours(24), 10, clock);
        AtomicInteger reads = new AtomicInteger();
        assertEquals("v1", cache.read("k", shared, 1000, mayWait -> "v" + reads.incrementAndGet()).value());
        now = now.plusSeconds(10);
        assertEquals("fresh: not read again", "v1", cache.read("k", shared, 1000, mayWait -> "v" + reads.incrementAndGet()).value());
        now = now.plusSeconds(10);
        ErpReading<String> down = cache.read("k", shared, 1000, mayWait -> {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "down");
        });
        assertTrue(down.stale());
        assertEquals("v1", down.value());
        assertEquals("down", down.problem());
        assertEquals(Instant.parse("2026-11-28T10:00:00Z"), down.readAt());
        ErpReading<String> back = cache.read("k", shared, 1000, mayWait -> "v" + reads.incrementAndGet());
        assertFalse(back.stale());
        assertEquals("v2", back.value());
    }

    @Test
    public void nothingKnownTooOldOrNotFoundIsAnError() {
        LastKnown<String> cache = new LastKnown<>(Duration.ZERO, Duration.ofHours(1), 10, clock);
        assertThrows(ErpGatewayException.class, () -> cache.read("k", shared, 1000, mayWait -> {
            throw new ErpGatewayException(ErpErrorCode.ERP_UNAVAILABLE, "down");
        }));
        cache.read("k", shared, 1000, mayWait -> "v1");
        now = now.plusSeconds(7200);
        assertThrows("older than an hour is not shown", ErpGatewayException.class, () -> cache.read("k", shared, 1000, mayWait -> {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "down");
        }));
        cache.read("k", shared, 1000, mayWait -> "v2");
        ErpGatewayException gone = assertThrows(ErpGatewayException.class, () -> cache.read("k", shared, 1000, mayWait -> {
            throw new ErpGatewayException(ErpErrorCode.NOT_FOUND, "gone");
        }));
        assertEquals(ErpErrorCode.NOT_FOUND, gone.code());
        assertThrows("a number the ERP no longer knows is forgotten", ErpGatewayException.class, () -> cache.read("k", shared, 1000, mayWait -> {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "down");
        }));
    }

    @Test
    public void aReaderWithLastFiguresIsToldNotToWaitForABusySidecar() {
        LastKnown<String> cache = new LastKnown<>(Duration.ZERO, Duration.ofHours(1), 10, clock);
        java.util.List<Boolean> told = new java.util.ArrayList<>();
        cache.read("k", shared, 1000, mayWait -> {
            told.add(mayWait);
            return "v1";
        });
        ErpReading<String> busy = cache.read("k", shared, 1000, mayWait -> {
            told.add(mayWait);
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_BUSY, "busy", Duration.ofSeconds(1));
        });
        assertEquals("nothing to show: wait; last figures to show: do not", java.util.List.of(true, false), told);
        assertTrue(busy.busy());
        assertEquals("v1", busy.value());
    }

    @Test
    public void figuresJustPastTheirFreshnessAreShownWhileOneCallRenewsThem() {
        java.util.List<Runnable> renewals = new java.util.ArrayList<>();
        LastKnown<String> cache = new LastKnown<>(Duration.ofSeconds(15), Duration.ofHours(1), Duration.ofSeconds(15), renewals::add,
                10, clock);
        AtomicInteger reads = new AtomicInteger();
        cache.read("k", shared, 1000, mayWait -> "v" + reads.incrementAndGet());
        now = now.plusSeconds(20);

        ErpReading<String> shown = cache.read("k", shared, 1000, mayWait -> "v" + reads.incrementAndGet());
        ErpReading<String> again = cache.read("k", shared, 1000, mayWait -> "v" + reads.incrementAndGet());

        assertEquals("shown as it was, not waited for", "v1", shown.value());
        assertFalse(shown.stale());
        assertEquals(Instant.parse("2026-11-28T10:00:00Z"), shown.readAt());
        assertEquals("v1", again.value());
        assertEquals("one renewal for both readers", 1, renewals.size());
        assertEquals(1, reads.get());
        renewals.get(0).run();
        assertEquals("renewed", "v2", cache.read("k", shared, 1000, mayWait -> "v" + reads.incrementAndGet()).value());
        now = now.plusSeconds(31);
        assertEquals("past the window: read live", "v3", cache.read("k", shared, 1000, mayWait -> "v" + reads.incrementAndGet()).value());
    }
}
