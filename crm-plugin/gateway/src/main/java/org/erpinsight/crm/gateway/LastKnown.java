package org.erpinsight.crm.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.ErpReading;

/**
 * Readings kept per key: fresh for {@code freshFor} (a page reload does not ask the sidecar
 * again), and as the last known value for {@code keepFor} after that, answered, marked stale,
 * when a fresh read fails because the sidecar or the ERP is down. With a {@code renewer}, a
 * reading up to {@code renewFor} past its freshness is answered as it is (with its own read
 * time) while one call on the renewer renews it: a page does not wait for figures that were
 * fresh a moment ago, and many records expiring together do not hold many pages at once.
 * Bounded in entries.
 */
final class LastKnown<T> {
    private record Entry<T>(T value, Instant readAt) {
    }

    private final Duration freshFor;
    private final Duration keepFor;
    private final Duration renewFor;
    private final java.util.concurrent.Executor renewer;
    private final java.util.Set<Object> renewing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final Map<Object, Entry<T>> entries;

    LastKnown(Duration freshFor, Duration keepFor, int maxEntries, Clock clock) {
        this(freshFor, keepFor, Duration.ZERO, null, maxEntries, clock);
    }

    LastKnown(Duration freshFor, Duration keepFor, Duration renewFor, java.util.concurrent.Executor renewer, int maxEntries,
              Clock clock) {
        this.freshFor = freshFor;
        this.keepFor = keepFor;
        this.renewFor = renewer == null || freshFor.isZero() ? Duration.ZERO : renewFor;
        this.renewer = renewer;
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
     * failure (for lists that a page shows as they are, without an age). Readers of the same key
     * share one live call (see {@link SharedCalls}).
     */
    T fresh(Object key, SharedCalls shared, long waitMillis, Supplier<T> live) {
        Entry<T> known = freshEntry(key);
        if (known != null) {
            return known.value();
        }
        Entry<T> renewable = renewableEntry(key);
        if (renewable != null) {
            renew(key, shared, waitMillis, live);
            return renewable.value();
        }
        return load(key, shared, waitMillis, live).value();
    }

    /** Forgets the readings whose key matches, after a write that changes them. */
    void forget(java.util.function.Predicate<Object> key) {
        synchronized (entries) {
            entries.keySet().removeIf(key);
        }
    }

    /**
     * A reading: fresh, else asked live, else the last known value marked stale. {@code live} is told
     * whether a busy sidecar is worth waiting for: not when there are last figures to show meanwhile.
     */
    ErpReading<T> read(Object key, SharedCalls shared, long waitMillis, java.util.function.Function<Boolean, T> live) {
        Entry<T> fresh = freshEntry(key);
        if (fresh != null) {
            return new ErpReading<>(fresh.value(), fresh.readAt(), false, null, null);
        }
        Entry<T> renewable = renewableEntry(key);
        if (renewable != null) {
            // a renewal has figures to show meanwhile: it never waits out a busy sidecar
            renew(key, shared, waitMillis, () -> live.apply(false));
            return new ErpReading<>(renewable.value(), renewable.readAt(), false, null, null);
        }
        Entry<T> known;
        synchronized (entries) {
            known = entries.get(key);
        }
        Instant asked = clock.instant();
        boolean nothingToShow = known == null || known.readAt().plus(keepFor).isBefore(asked);
        try {
            Entry<T> read = load(key, shared, waitMillis, () -> live.apply(nothingToShow));
            return new ErpReading<>(read.value(), read.readAt(), false, null, null);
        } catch (ErpGatewayException e) {
            if (!e.isOutage()) {
                if (e.code() == ErpErrorCode.NOT_FOUND) {
                    synchronized (entries) {
                        entries.remove(key);
                    }
                }
                throw e;
            }
            Instant now = clock.instant();
            if (known == null || known.readAt().plus(keepFor).isBefore(now)) {
                throw e;
            }
            return new ErpReading<>(known.value(), known.readAt(), true, e.getMessage(), e.code());
        }
    }

    /** A reading past its freshness but within the renewal window, or null. */
    private Entry<T> renewableEntry(Object key) {
        if (renewFor.isZero()) {
            return null;
        }
        Instant now = clock.instant();
        synchronized (entries) {
            Entry<T> known = entries.get(key);
            return known != null && known.readAt().plus(freshFor).plus(renewFor).isAfter(now) ? known : null;
        }
    }

    /** One renewal per key at a time, on the renewer; a failed one leaves the reading as it was. */
    private void renew(Object key, SharedCalls shared, long waitMillis, Supplier<T> live) {
        if (!renewing.add(key)) {
            return;
        }
        try {
            renewer.execute(() -> {
                try {
                    load(key, shared, waitMillis, live);
                } catch (RuntimeException e) {
                    // the next page view after the window reads live, and shows the failure if it lasts
                } finally {
                    renewing.remove(key);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException full) {
            renewing.remove(key);
        }
    }

    private Entry<T> freshEntry(Object key) {
        Instant now = clock.instant();
        synchronized (entries) {
            Entry<T> known = entries.get(key);
            return known != null && known.readAt().plus(freshFor).isAfter(now) ? known : null;
        }
    }

    /**
     * Reads live, once for every reader of the key at the moment: the one in flight checks again
     * whether another has just kept a fresh value, so that no two calls follow each other for the
     * same figures within their freshness.
     */
    private Entry<T> load(Object key, SharedCalls shared, long waitMillis, Supplier<T> live) {
        return shared.read(List.of("last known", key), waitMillis, () -> {
            Entry<T> justRead = freshEntry(key);
            if (justRead != null) {
                return justRead;
            }
            T value = live.get();
            Entry<T> read = new Entry<>(value, clock.instant());
            synchronized (entries) {
                entries.put(key, read);
            }
            return read;
        });
    }
}
