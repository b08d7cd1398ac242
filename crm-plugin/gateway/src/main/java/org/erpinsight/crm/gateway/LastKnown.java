package org.erpinsight.crm.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.ErpReading;

/**
 * Readings kept per key: fresh for {@code freshFor} (a page reload does not ask the sidecar
 * again), and as the last known value for {@code keepFor} after that, answered, marked stale,
 * when a fresh read fails because the sidecar or the ERP is down. Bounded in entries.
 */
final class LastKnown<T> {
    private record Entry<T>(T value, Instant readAt) {
    }

    private final Duration freshFor;
    private final Duration keepFor;
    private final Clock clock;
    private final Map<Object, Entry<T>> entries;

    LastKnown(Duration freshFor, Duration keepFor, int maxEntries, Clock clock) {
        this.freshFor = freshFor;
        this.keepFor = keepFor;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry<T>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * The value if read within {@code freshFor}, else asked live and kept; no last known value on
     * failure (for lists that a page shows as they are, without an age).
     */
    T fresh(Object key, Supplier<T> live) {
        Instant now = clock.instant();
        Entry<T> known;
        synchronized (entries) {
            known = entries.get(key);
        }
        if (known != null && known.readAt().plus(freshFor).isAfter(now)) {
            return known.value();
        }
        T value = live.get();
        synchronized (entries) {
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }

    /** Forgets the readings whose key matches, after a write that changes them. */
    void forget(java.util.function.Predicate<Object> key) {
        synchronized (entries) {
            entries.keySet().removeIf(key);
        }
    }

    ErpReading<T> read(Object key, Supplier<T> live) {
        Instant now = clock.instant();
        Entry<T> known;
        synchronized (entries) {
            known = entries.get(key);
        }
        if (known != null && known.readAt().plus(freshFor).isAfter(now)) {
            return new ErpReading<>(known.value(), known.readAt(), false, null);
        }
        try {
            T value = live.get();
            synchronized (entries) {
                entries.put(key, new Entry<>(value, now));
            }
            return new ErpReading<>(value, now, false, null);
        } catch (ErpGatewayException e) {
            boolean down = e.code() == ErpErrorCode.SIDECAR_UNREACHABLE || e.code() == ErpErrorCode.ERP_UNAVAILABLE
                    || e.code() == ErpErrorCode.SIDECAR_ERROR;
            if (!down) {
                if (e.code() == ErpErrorCode.NOT_FOUND) {
                    synchronized (entries) {
                        entries.remove(key);
                    }
                }
                throw e;
            }
            if (known == null || known.readAt().plus(keepFor).isBefore(now)) {
                throw e;
            }
            return new ErpReading<>(known.value(), known.readAt(), true, e.getMessage());
        }
    }
}
