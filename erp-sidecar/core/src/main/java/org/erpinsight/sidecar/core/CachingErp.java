package org.erpinsight.sidecar.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A short-lived cache in front of a slow ERP: reads are answered from memory for a configured
 * time, every write of the sidecar's own empties it (so a caller sees its order or party at
 * once), and the transports learn, per request, how old the oldest answer they used is (the
 * overviews also carry the time their figures were read, {@code asOf}). Bounded in entries.
 */
public final class CachingErp {
    private static final Set<String> READS = Set.of("customer", "supplier", "searchCustomers", "searchSuppliers", "searchProjects", "parties", "customerOverview",
            "supplierOverview", "invoices", "invoiceDocument", "orders", "order", "projects", "projectOverview", "searchItems",
            "quote");
    private static final Set<String> WRITES = Set.of("createParty", "createOrder", "replaceOrderLines", "confirmOrder");
    private static final ThreadLocal<Instant> OLDEST_USED = new ThreadLocal<>();

    private CachingErp() {
    }

    private record Entry(Object value, Instant stored) {
    }

    /** The adapter itself when {@code ttl} is zero. */
    public static ErpAdapter wrap(ErpAdapter erp, Duration ttl, int maxEntries, Clock clock) {
        if (ttl.isZero() || ttl.isNegative()) {
            return erp;
        }
        Map<List<Object>, Entry> cache = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, Entry> eldest) {
                return size() > maxEntries;
            }
        };
        return (ErpAdapter) Proxy.newProxyInstance(ErpAdapter.class.getClassLoader(), new Class<?>[] {ErpAdapter.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (WRITES.contains(name)) {
                        try {
                            return method.invoke(erp, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            // even a failed write may have changed something: forget everything
                            synchronized (cache) {
                                cache.clear();
                            }
                        }
                    }
                    if (!READS.contains(name)) {
                        try {
                            return method.invoke(erp, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                    List<Object> key = List.of(name, Arrays.asList(args == null ? new Object[0] : args));
                    Instant now = clock.instant();
                    Entry hit;
                    synchronized (cache) {
                        hit = cache.get(key);
                    }
                    if (hit != null && hit.stored().plus(ttl).isAfter(now)) {
                        Instant oldest = OLDEST_USED.get();
                        if (oldest == null || hit.stored().isBefore(oldest)) {
                            OLDEST_USED.set(hit.stored());
                        }
                        return hit.value();
                    }
                    Object value;
                    try {
                        value = method.invoke(erp, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    synchronized (cache) {
                        cache.put(key, new Entry(value, now));
                    }
                    return value;
                });
    }

    /** When the oldest cached answer used by this thread's request was read from the ERP; null if none. Resets. */
    public static Instant takeOldestUsed() {
        Instant oldest = OLDEST_USED.get();
        OLDEST_USED.remove();
        return oldest;
    }
}
