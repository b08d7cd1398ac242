package org.erpinsight.sidecar.server.ops;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sidecar's counters and latency histograms, rendered in the Prometheus text format at
 * /metrics. Labels are operation names, transports, status codes and error codes: never key
 * names, customer numbers or anything else a caller sends.
 */
public final class Metrics {
    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final LongAdder sumNanos = new LongAdder();

        Histogram() {
            Arrays.setAll(buckets, i -> new LongAdder());
        }

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }
    }

    /** One API request answered: counted by transport, operation and status, and timed. */
    public void request(String transport, String operation, int status, long nanos) {
        counters.computeIfAbsent(series("erp_sidecar_requests_total", "transport", transport, "operation", operation,
                "status", Integer.toString(status)), k -> new LongAdder()).increment();
        histograms.computeIfAbsent(series("erp_sidecar_request_duration_seconds", "transport", transport, "operation", operation),
                k -> new Histogram()).observe(nanos);
    }

    /** One call of the ERP adapter, timed; failures counted by error code. */
    public void erpCall(String operation, long nanos, String errorCode) {
        histograms.computeIfAbsent(series("erp_sidecar_erp_call_duration_seconds", "operation", operation),
                k -> new Histogram()).observe(nanos);
        if (errorCode != null) {
            counters.computeIfAbsent(series("erp_sidecar_erp_errors_total", "operation", operation, "code", errorCode),
                    k -> new LongAdder()).increment();
        }
    }

    /** A request refused before it reached an operation (unauthenticated, rate limited, too large, no such path). */
    public void rejected(String reason) {
        counters.computeIfAbsent(series("erp_sidecar_rejected_total", "reason", reason), k -> new LongAdder()).increment();
    }

    /** An error answered to a client, by the contract's code. */
    public void error(String code) {
        counters.computeIfAbsent(series("erp_sidecar_errors_total", "code", code), k -> new LongAdder()).increment();
    }

    private static String series(String name, String... labels) {
        StringBuilder s = new StringBuilder(name).append('{');
        for (int i = 0; i < labels.length; i += 2) {
            if (i > 0) {
                s.append(',');
            }
            s.append(labels[i]).append("=\"").append(labels[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append('}').toString();
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    public String render() {
        StringBuilder out = new StringBuilder();
        Map<String, String> help = Map.of(
                "erp_sidecar_requests_total", "API requests answered, by transport, operation and HTTP status",
                "erp_sidecar_errors_total", "Errors answered to clients, by contract error code",
                "erp_sidecar_erp_errors_total", "Failed ERP adapter calls, by operation and error code",
                "erp_sidecar_rejected_total", "Requests refused before any operation ran, by reason",
                "erp_sidecar_request_duration_seconds", "Time to answer an API request",
                "erp_sidecar_erp_call_duration_seconds", "Time of one ERP adapter call");
        Map<String, Long> sortedCounters = new TreeMap<>();
        counters.forEach((k, v) -> sortedCounters.put(k, v.sum()));
        String lastName = null;
        for (Map.Entry<String, Long> e : sortedCounters.entrySet()) {
            String name = e.getKey().substring(0, e.getKey().indexOf('{'));
            if (!name.equals(lastName)) {
                out.append("# HELP ").append(name).append(' ').append(help.get(name)).append('\n');
                out.append("# TYPE ").append(name).append(" counter\n");
                lastName = name;
            }
            out.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
        lastName = null;
        for (Map.Entry<String, Histogram> e : new TreeMap<>(histograms).entrySet()) {
            String key = e.getKey();
            String name = key.substring(0, key.indexOf('{'));
            String labels = key.substring(key.indexOf('{') + 1, key.length() - 1);
            if (!name.equals(lastName)) {
                out.append("# HELP ").append(name).append(' ').append(help.get(name)).append('\n');
                out.append("# TYPE ").append(name).append(" histogram\n");
                lastName = name;
            }
            Histogram h = e.getValue();
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += h.buckets[i].sum();
                out.append(name).append("_bucket{").append(labels).append(",le=\"").append(BUCKETS[i]).append("\"} ")
                        .append(cumulative).append('\n');
            }
            long count = h.count.sum();
            out.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(count).append('\n');
            out.append(name).append("_sum{").append(labels).append("} ").append(h.sumNanos.sum() / 1e9).append('\n');
            out.append(name).append("_count{").append(labels).append("} ").append(count).append('\n');
        }
        return out.toString();
    }
}
