package org.erpinsight.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A sales floor on the reference CRM's customer base: U users at once open the pages of R
 * distinct linked companies, first each page once (cold: nothing cached anywhere), then pages
 * picked at random among them for a fixed time (steady). Prints pages per second, latencies,
 * answers that were not 200, pages with a banner by kind, the sidecar's calls per page view (from
 * its /metrics) and per figure per freshness window, and the circuit breaker's openings (from the
 * ERP Insight console's JSON).
 *
 * <pre>
 * --host URL         the reference CRM, started with erpinsight.sample.size=large
 * --sidecar URL      its sidecar (for /metrics)
 * --users 32,128     users at once, one run each
 * --records 2000     distinct companies (c-10011 …)
 * --seconds 20       steady time per run
 * --fresh 15         the gateway's freshness (s), to state the bound on sidecar calls
 * --label TEXT       printed with the figures (e.g. the sidecar's rate limit)
 * </pre>
 */
public final class LoadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REQUESTS = Pattern.compile("^erp_sidecar_requests_total\\{([^}]*)} ([0-9.eE+]+)$", Pattern.MULTILINE);
    private static final Pattern REJECTED = Pattern.compile("^erp_sidecar_rejected_total\\{reason=\"rate_limited\"} ([0-9.eE+]+)$",
            Pattern.MULTILINE);
    private static final int FIRST = 10_011;

    /** What a page showed instead of (or besides) fresh figures. */
    enum Banner {
        BUSY_WITH_LAST_FIGURES, BUSY_WITHOUT_FIGURES, UNREACHABLE_WITH_LAST_FIGURES, UNREACHABLE, NO_FIGURES
    }

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try {
            measure(args);
        } catch (Exception e) {
            throw Preflight.refuse("the benchmark failed: " + e);
        }
        System.exit(0);
    }

    private static void measure(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String host = a.get("host");
        String sidecar = a.get("sidecar");
        int records = Integer.parseInt(a.getOrDefault("records", "2000"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
        int fresh = Integer.parseInt(a.getOrDefault("fresh", "15"));
        String label = a.getOrDefault("label", "");
        int[] users = Arrays.stream(a.getOrDefault("users", "32,128").split(",")).mapToInt(Integer::parseInt).toArray();
        // daemon threads: a benchmark that stops must not be held open by its client's pool
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "bench-load-http");
            t.setDaemon(true);
            return t;
        })).build();

        preflight(http, host, FIRST + users.length * records - 1);
        System.out.printf("%nbench-load %s: %d distinct linked companies, steady %d s per run, the gateway's figures fresh for %d s%n",
                label, records, seconds, fresh);
        System.out.printf("%-6s %-7s %8s %9s %8s %8s %8s %7s %-66s %10s %9s %9s%n", "users", "phase", "pages", "pages/s", "p50 ms",
                "p99 ms", "max ms", "non-200", "pages with a banner (kind: count)", "calls/page", "calls/fig", "breaker");
        for (int i = 0; i < users.length; i++) {
            // each run opens records of its own, so that its cold pass finds nothing cached
            int first = FIRST + (i * records) % Math.max(1, 10_000 - records);
            run(http, host, sidecar, users[i], records, first, seconds, fresh);
        }
    }

    /** The CRM must show the customer base, linked: else nothing is measured. */
    private static void preflight(HttpClient http, String host, int lastNumber) throws Exception {
        String last = host + "/crm/company/c-" + lastNumber;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            HttpResponse<String> page;
            try {
                page = get(http, last);
            } catch (java.io.IOException starting) {
                Preflight.require(System.nanoTime() < deadline, "the CRM at " + host + " did not answer within 3 minutes: " + starting);
                Thread.sleep(1000);
                continue;
            }
            if (page.statusCode() == 200 && page.body().contains("data-figure=\"balance\"")) {
                break;
            }
            if (page.statusCode() == 404 && get(http, host + "/crm/company/c-1001").statusCode() == 200) {
                // the host is up (its own sample answers) but the customer base is not there
                throw Preflight.refuse(last + " is not in the CRM: start the host with erpinsight.sample.size=large");
            }
            Preflight.require(System.nanoTime() < deadline, last + " shows no ERP figures after 3 minutes (is the customer base linked?)");
            Thread.sleep(1000);
        }
        JsonNode status = sidecarStatus(http, host);
        Preflight.require(status != null, "the ERP Insight console does not list the sidecar 'default'");
        Preflight.require(!"open".equals(status.path("circuitBreaker").asText()), "the circuit breaker is open before the run");
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Cookie", "crm-user=sales").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode sidecarStatus(HttpClient http, String host) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(host + "/system/console/erp-insight.json"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        Preflight.require(answer.statusCode() == 200, "the console's JSON answered " + answer.statusCode());
        for (JsonNode s : JSON.readTree(answer.body()).path("sidecars")) {
            if (s.path("source").asText().equals("default")) {
                return s;
            }
        }
        return null;
    }

    /** The sidecar's API requests answered so far (every operation and status), and its rate-limit refusals. */
    private static long[] sidecarCalls(HttpClient http, String sidecar) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(sidecar + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        long answered = 0;
        Matcher m = REQUESTS.matcher(metrics);
        while (m.find()) {
            if (!m.group(1).contains("operation=\"health\"") && !m.group(1).contains("operation=\"ping\"")) {
                answered += (long) Double.parseDouble(m.group(2));
            }
        }
        Matcher r = REJECTED.matcher(metrics);
        long rejected = r.find() ? (long) Double.parseDouble(r.group(1)) : 0;
        return new long[] {answered, rejected};
    }

    /** What one phase saw. */
    private static final class Tally {
        final List<long[]> latencies = new ArrayList<>();
        final LongAdder pages = new LongAdder();
        final LongAdder non200 = new LongAdder();
        final Map<Banner, LongAdder> banners = new EnumMap<>(Banner.class);

        Tally() {
            for (Banner b : Banner.values()) {
                banners.put(b, new LongAdder());
            }
        }

        synchronized void add(long[] mine) {
            latencies.add(mine);
        }
    }

    private static void run(HttpClient http, String host, String sidecar, int users, int records, int first, int seconds, int fresh)
            throws Exception {
        long breakerBefore = sidecarStatus(http, host).path("breakerOpenings").asLong();
        // cold: every record once, spread over the users, nothing cached yet
        AtomicInteger next = new AtomicInteger();
        long[] before = sidecarCalls(http, sidecar);
        long start = System.nanoTime();
        Tally cold = phase(users, tally -> {
            int i = next.getAndIncrement();
            return i < records ? host + "/crm/company/c-" + (first + i) : null;
        }, http, Long.MAX_VALUE);
        double coldSeconds = (System.nanoTime() - start) / 1e9;
        long[] afterCold = sidecarCalls(http, sidecar);
        long figures = afterCold[0] - before[0];
        // the cold pass read each figure of these records once: the sidecar calls it made are the distinct figures
        print(users, "cold", cold, coldSeconds, figures, afterCold[1] - before[1], figures, 1,
                sidecarStatus(http, host).path("breakerOpenings").asLong() - breakerBefore);
        // steady: random records among the same ones, for the fixed time
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        start = System.nanoTime();
        Tally steady = phase(users, tally -> host + "/crm/company/c-" + (first + tally.nextInt(records)), http, end);
        double steadySeconds = (System.nanoTime() - start) / 1e9;
        long[] afterSteady = sidecarCalls(http, sidecar);
        int windows = (int) Math.ceil(steadySeconds / Math.max(1, fresh));
        print(users, "steady", steady, steadySeconds, afterSteady[0] - afterCold[0], afterSteady[1] - afterCold[1], figures, windows,
                sidecarStatus(http, host).path("breakerOpenings").asLong() - breakerBefore);
    }

    private interface Pages {
        /** The next page's URL, or null when the phase is over. */
        String next(Random random);
    }

    private static Tally phase(int users, Pages pages, HttpClient http, long endNanos) throws Exception {
        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        for (int u = 0; u < users; u++) {
            int seed = u;
            pool.execute(() -> {
                Random random = new Random(seed);
                long[] mine = new long[1 << 16];
                int n = 0;
                String url;
                while (System.nanoTime() < endNanos && (url = pages.next(random)) != null) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> page = get(http, url);
                        long nanos = System.nanoTime() - t0;
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = nanos;
                        tally.pages.increment();
                        if (page.statusCode() != 200) {
                            tally.non200.increment();
                        } else {
                            classify(page.body(), tally);
                        }
                    } catch (Exception e) {
                        tally.non200.increment();
                    }
                }
                tally.add(Arrays.copyOf(mine, n));
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            throw Preflight.refuse("a phase did not end within 30 minutes");
        }
        return tally;
    }

    /** Each kind a page showed counts once for that page. */
    private static void classify(String html, Tally tally) {
        boolean figures = html.contains("data-figure=\"balance\"");
        if (html.contains("data-stale=\"busy\"")) {
            tally.banners.get(Banner.BUSY_WITH_LAST_FIGURES).increment();
        }
        if (html.contains("data-stale=\"true\"")) {
            tally.banners.get(Banner.UNREACHABLE_WITH_LAST_FIGURES).increment();
        }
        if (html.contains("The ERP is busy; its figures will be back")) {
            tally.banners.get(Banner.BUSY_WITHOUT_FIGURES).increment();
        }
        if (html.contains("ERP unreachable")) {
            tally.banners.get(Banner.UNREACHABLE).increment();
        }
        if (!figures) {
            tally.banners.get(Banner.NO_FIGURES).increment();
        }
    }

    /**
     * One line; "calls/fig" is the sidecar calls per distinct figure (as the cold pass counted them) per freshness window:
     * at most 1 when the gateway reads each figure once while it is fresh.
     */
    private static void print(int users, String phase, Tally tally, double seconds, long sidecarCalls, long rateLimited, long figures,
                              int windows, long breakerOpenings) {
        long[] all = tally.latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Preflight.require(all.length > 0, "no page was opened in the " + phase + " phase");
        StringBuilder banners = new StringBuilder();
        tally.banners.forEach((kind, n) -> {
            if (n.sum() > 0) {
                banners.append(banners.length() == 0 ? "" : ", ").append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(": ")
                        .append(n.sum());
            }
        });
        if (rateLimited > 0) {
            banners.append(banners.length() == 0 ? "" : "; ").append("sidecar said 429: ").append(rateLimited);
        }
        System.out.printf("%-6d %-7s %8d %9.1f %8.1f %8.1f %8.1f %7d %-66s %10.2f %9.2f %9d%n", users, phase, all.length,
                all.length / seconds, all[(all.length - 1) / 2] / 1e6, all[(int) Math.ceil(all.length * 0.99) - 1] / 1e6,
                all[all.length - 1] / 1e6, tally.non200.sum(), banners.length() == 0 ? "none" : banners.toString(),
                (double) sidecarCalls / all.length, (double) sidecarCalls / Math.max(1.0, (double) figures * windows),
                breakerOpenings);
    }
}
