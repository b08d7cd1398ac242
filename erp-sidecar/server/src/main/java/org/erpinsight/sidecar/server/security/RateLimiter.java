package org.erpinsight.sidecar.server.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: a key's {@link Limit} (its own, or the default) gives the requests a
 * second on average and the burst it may send at once. One slow or runaway client cannot starve
 * the others or the ERP; a CRM's background work on a key of its own cannot starve its pages.
 */
public final class RateLimiter {
    /** Requests a second on average, and at most {@code burst} at once; {@code perSecond} 0 is no limit. */
    public record Limit(double perSecond, double burst) {
        public Limit {
            burst = Math.max(1, burst);
        }

        /** The rate with the default burst: twice the rate. */
        public static Limit of(double perSecond) {
            return new Limit(perSecond, perSecond * 2);
        }
    }

    private final Limit defaultLimit;
    private final Map<String, Limit> keyLimits;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        final Limit limit;
        double tokens;
        long updated;

        Bucket(Limit limit, long updated) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.updated = updated;
        }
    }

    public RateLimiter(double perSecond, double burst, LongSupplier nanoTime) {
        this(new Limit(perSecond, burst), Map.of(), nanoTime);
    }

    public RateLimiter(Limit defaultLimit, Map<String, Limit> keyLimits, LongSupplier nanoTime) {
        this.defaultLimit = defaultLimit;
        this.keyLimits = Map.copyOf(keyLimits);
        this.nanoTime = nanoTime;
    }

    /** Takes one token for the key; the answer is 0 when allowed, else the seconds to wait before a retry. */
    public long acquire(String key) {
        Limit limit = keyLimits.getOrDefault(key, defaultLimit);
        if (limit.perSecond() <= 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(limit.burst(), bucket.tokens + (now - bucket.updated) / 1e9 * limit.perSecond());
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / limit.perSecond()));
        }
    }
}
