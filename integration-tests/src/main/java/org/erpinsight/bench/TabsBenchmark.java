package org.erpinsight.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page of a linked company, timed as its user waits for it, next to the same figures asked
 * from the sidecar directly and read from the reference ERP's database directly, in one run
 * ({@code ./erp-insight bench-tabs}). Sequential requests, one at a time: latency, not throughput.
 *
 * <pre>
 * --page URL         the record page on a host whose gateway reuses figures for a while (warm)
 * --cold-page URL    the same page on a host that asks the sidecar every time (nothing cached)
 * --sidecar URL --key KEY --customer N --supplier N
 * --jdbc DIR         instead: read the same figures from the reference ERP in DIR, in this JVM
 * --requests N       timed requests per row (1000), after N/5 (at least 200) untimed ones
 * --warmup N         untimed requests per row before those
 * --steady-after N   untimed requests before the second, steady-state series (3000)
 * </pre>
 */
public final class TabsBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TabsBenchmark() {
    }

    interface Step {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int requests = Integer.parseInt(a.getOrDefault("requests", "1000"));
        warmup = Integer.parseInt(a.getOrDefault("warmup", Integer.toString(Math.max(200, requests / 5))));
        steadyAfter = Integer.parseInt(a.getOrDefault("steady-after", "3000"));
        String customer = a.getOrDefault("customer", "10001");
        String supplier = a.getOrDefault("supplier", "70001");
        if (a.containsKey("jdbc")) {
            jdbc(Path.of(a.get("jdbc")), customer, supplier, requests);
            return;
        }
        String sidecar = a.get("sidecar");
        String key = a.get("key");
        // the large data set behind a live sidecar, and pages that show its figures for this customer
        Preflight.sidecar(sidecar, key);
        Preflight.parties(sidecar, key, "CUSTOMER", 10_000);
        String balance = Preflight.get(sidecar + "/api/v1/customers/" + customer + "/overview", key).path("balance").asText();
        for (String page : List.of(a.get("page"), a.get("cold-page"))) {
            String html = Preflight.page(page);
            Preflight.require(html.contains("data-figure=\"balance\" data-amount=\"" + balance + "\""), page
                    + " does not show customer " + customer + "'s balance " + balance + " as the sidecar reads it");
        }
        List<String> projects = projectsOf(sidecar, key, customer);
        Step direct = () -> {
            get(sidecar + "/api/v1/customers/" + customer + "/overview", key);
            get(sidecar + "/api/v1/customers/" + customer + "/invoices?offset=0&limit=25", key);
            get(sidecar + "/api/v1/customers/" + customer + "/orders?offset=0&limit=25", key);
            get(sidecar + "/api/v1/customers/" + customer + "/projects", key);
            for (String project : projects) {
                get(sidecar + "/api/v1/projects/" + project + "/overview", key);
            }
            get(sidecar + "/api/v1/suppliers/" + supplier + "/overview", key);
        };
        System.out.printf("The page of customer %s (and supplier %s, %d projects): %d sequential requests per row%n", customer,
                supplier, projects.size(), requests);
        System.out.printf("%-58s %9s %9s   %9s %9s%n", "", "p50 ms", "p99 ms", "p50 ms", "p99 ms");
        System.out.printf("%-58s %19s   %19s%n", "", "after " + warmup + " untimed", "after " + (warmup + requests + steadyAfter) + " (JIT done)");
        row("page, warm (figures reused for a few seconds)", requests, () -> page(a.get("page")));
        row("page, cold (every figure asked from the sidecar)", requests, () -> page(a.get("cold-page")));
        row("the same figures from the sidecar directly (" + (5 + projects.size()) + " calls)", requests, direct);
    }

    private static void jdbc(Path dir, String customer, String supplier, int requests) throws Exception {
        // the reference ERP's own queries, on its database, without HTTP
        var erp = org.erpinsight.sidecar.adapter.reference.ReferenceErp.open(new org.erpinsight.sidecar.adapter.reference.ReferenceErpSettings(
                dir, org.erpinsight.sidecar.adapter.reference.DemoSize.LARGE, Clock.systemDefaultZone()));
        try {
            Preflight.require("large".equals(erp.demoSize()), "the reference ERP in " + dir + " holds the " + erp.demoSize()
                    + " data set, not the large one: delete " + dir);
            List<String> projects = erp.projects(customer).orElseThrow().stream().map(p -> p.number()).toList();
            System.out.printf("%-58s %9s %9s   %9s %9s%n", "", "p50 ms", "p99 ms", "p50 ms", "p99 ms");
            System.out.printf("%-58s %19s   %19s%n", "", "after " + warmup + " untimed", "after " + (warmup + requests + steadyAfter) + " (JIT done)");
            row("the same figures by JDBC in the reference ERP (no HTTP)", requests, () -> {
                erp.customerOverview(customer).orElseThrow();
                erp.invoices(customer, org.erpinsight.sidecar.core.InvoiceFilter.ALL, 0, 25).orElseThrow();
                erp.orders(customer, 0, 25).orElseThrow();
                erp.projects(customer).orElseThrow();
                for (String project : projects) {
                    erp.projectOverview(project).orElseThrow();
                }
                erp.supplierOverview(supplier).orElseThrow();
            });
        } finally {
            erp.close();
        }
    }

    private static int warmup;
    /** Untimed requests between the first timed series and the second: the JIT's work done, the steady state. */
    private static int steadyAfter = 3000;

    /**
     * Times a step twice: {@code requests} times after {@link #warmup} untimed runs (a host that has just
     * started: the JIT still compiles on the same two cores), then again after {@link #steadyAfter} more
     * (the steady state of a host that runs for days). Prints p50 and p99 of both.
     */
    private static void row(String name, int requests, Step step) throws Exception {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] early = time(requests, step);
        for (int i = 0; i < steadyAfter; i++) {
            step.run();
        }
        double[] steady = time(requests, step);
        System.out.printf("%-58s %9.2f %9.2f   %9.2f %9.2f%n", name, early[0], early[1], steady[0], steady[1]);
    }

    /** p50 and p99 in ms of {@code requests} sequential runs. */
    private static double[] time(int requests, Step step) throws Exception {
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            step.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new double[] {nanos[(int) (requests * 0.50)] / 1e6, nanos[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)] / 1e6};
    }

    private static void page(String url) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "crm-user=admin").build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains("data-figure=\"balance\"")) {
            throw new IllegalStateException(url + " answered " + page.statusCode() + " without figures");
        }
    }

    private static String get(String url, String key) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static List<String> projectsOf(String sidecar, String key, String customer) throws Exception {
        Matcher m = Pattern.compile("\"number\":\"([^\"]+)\"").matcher(get(sidecar + "/api/v1/customers/" + customer + "/projects", key));
        List<String> projects = new ArrayList<>();
        while (m.find()) {
            projects.add(m.group(1));
        }
        return projects;
    }
}
