package org.erpinsight.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Load on a running sidecar: for each operation, closed-loop clients (one connection each)
 * send requests for a fixed time; throughput and latency percentiles are printed next to those
 * of the trivial ping on the same server, as ratios. Only the JDK is used, so that the
 * measuring side stays small. Run it through {@code ./erp-insight bench}.
 */
public final class SidecarBenchmark {
    private final URI base;
    private final String key;
    private final int connections;
    private final Duration warmup;
    private final Duration measure;

    private SidecarBenchmark(URI base, String key, int connections, Duration warmup, Duration measure) {
        this.base = base;
        this.key = key;
        this.connections = connections;
        this.warmup = warmup;
        this.measure = measure;
    }

    /** What one scenario measured. */
    record Result(String name, long requests, long errors, double seconds, long[] latenciesNanos) {
        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8280";
        String key = null;
        int connections = 2;
        int warmupSeconds = 5;
        int measureSeconds = 15;
        int customers = 10_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--key" -> key = args[++i];
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--warmup" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--seconds" -> measureSeconds = Integer.parseInt(args[++i]);
                case "--customers" -> customers = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("--key is required");
        }
        new SidecarBenchmark(URI.create(url), key, connections, Duration.ofSeconds(warmupSeconds),
                Duration.ofSeconds(measureSeconds)).run(customers);
    }

    private void run(int customers) throws Exception {
        // the customers and items the scenarios ask for must be there: else every answer would be a quick 404
        Preflight.sidecar(base.toString().replaceAll("/+$", ""), key);
        Preflight.parties(base.toString().replaceAll("/+$", ""), key, "CUSTOMER", customers);
        Preflight.get(base.resolve("/api/v1/customers/" + (10000 + customers)).toString(), key);
        Preflight.require(Preflight.get(base.resolve("/api/v1/items?text=I-1500").toString(), key).path("items").size() > 0,
                "the sidecar has no item I-1500, which the price quotes ask for");
        Supplier<String> customer = () -> Integer.toString(10001 + ThreadLocalRandom.current().nextInt(customers));
        Supplier<String> quoteBody = () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                lines.append(i == 0 ? "" : ",").append("{\"itemNumber\":\"I-").append(1001 + r.nextInt(500))
                        .append("\",\"quantity\":\"").append(1 + r.nextInt(60)).append("\"}");
            }
            return "{\"customerNumber\":\"" + customer.get() + "\",\"lines\":[" + lines + "]}";
        };
        Supplier<String> soapQuoteBody = () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                lines.append("<v:lines><v:itemNumber>I-").append(1001 + r.nextInt(500)).append("</v:itemNumber><v:quantity>")
                        .append(1 + r.nextInt(60)).append("</v:quantity></v:lines>");
            }
            return envelope("quotePrices", "<v:customerNumber>" + customer.get() + "</v:customerNumber>" + lines);
        };
        System.out.printf(Locale.ROOT, "ERP sidecar benchmark: %s, %d connections, %d s warm-up of every scenario, then %d s measured each%n%n",
                base, connections, warmup.toSeconds(), measure.toSeconds());
        List<String> names = List.of("REST ping (trivial)", "REST customer overview", "REST price quote (3 lines)",
                "SOAP ping (trivial)", "SOAP customer overview", "SOAP price quote (3 lines)");
        List<Supplier<HttpRequest>> scenarios = List.of(
                () -> get("/api/v1/ping"),
                () -> get("/api/v1/customers/" + customer.get() + "/overview"),
                () -> post("/api/v1/price-quotes", "application/json", quoteBody.get()),
                () -> post("/soap/erp", "text/xml", envelope("ping", "")),
                () -> post("/soap/erp", "text/xml",
                        envelope("getCustomerOverview", "<v:customerNumber>" + customer.get() + "</v:customerNumber>")),
                () -> post("/soap/erp", "text/xml", soapQuoteBody.get()));
        // warm every path up before measuring any, so that the first scenario does not pay for the JIT alone
        for (Supplier<HttpRequest> s : scenarios) {
            runFor(s, warmup, false);
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            results.add(runFor(scenarios.get(i), measure, true).withName(names.get(i)));
        }
        List<Result> rest = results.subList(0, 3);
        List<Result> soap = results.subList(3, 6);
        System.out.printf(Locale.ROOT, "%-28s %10s %8s %8s %8s %8s %12s%n", "scenario", "req/s", "p50 ms", "p99 ms", "max ms",
                "errors", "vs trivial");
        for (List<Result> group : List.of(rest, soap)) {
            double trivial = group.get(0).throughput();
            for (Result r : group) {
                System.out.printf(Locale.ROOT, "%-28s %10.0f %8.2f %8.2f %8.2f %8d %11.0f%%%n", r.name(), r.throughput(),
                        r.percentileMillis(50), r.percentileMillis(99), r.percentileMillis(100), r.errors(),
                        100 * r.throughput() / trivial);
            }
        }
    }

    private static String envelope(String operation, String content) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><v:" + operation
                + " xmlns:v=\"http://erpinsight.org/sidecar/v1\">" + content + "</v:" + operation + "></soap:Body></soap:Envelope>";
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("X-API-Key", key).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private HttpRequest post(String path, String type, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("X-API-Key", key).header("Content-Type", type)
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private record Raw(long requests, long errors, double seconds, long[] latencies) {
        Result withName(String name) {
            return new Result(name, requests, errors, seconds, latencies);
        }
    }

    /** Each client thread has its own HttpClient, so each holds one keep-alive connection. */
    private Raw runFor(Supplier<HttpRequest> requests, Duration duration, boolean record) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> perThread = new ArrayList<>();
        long[] counts = new long[connections];
        long[] errors = new long[connections];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            long[] latencies = new long[2_000_000];
            perThread.add(latencies);
            int index = t;
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int n = 0;
                while (!stop.get()) {
                    HttpRequest request = requests.get();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors[index]++;
                        }
                    } catch (Exception e) {
                        errors[index]++;
                    }
                    if (n < latencies.length) {
                        latencies[n] = System.nanoTime() - start;
                    }
                    n++;
                }
                counts[index] = n;
            }, "bench-" + t);
            threads.add(thread);
        }
        long begin = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (!record) {
            return null;
        }
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            int n = (int) Math.min(counts[t], perThread.get(t).length);
            System.arraycopy(perThread.get(t), 0, all, at, n);
            at += n;
        }
        return new Raw(total, Arrays.stream(errors).sum(), seconds, Arrays.copyOf(all, at));
    }
}
