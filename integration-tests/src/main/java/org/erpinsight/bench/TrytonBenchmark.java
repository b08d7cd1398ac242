package org.erpinsight.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer overview through the sidecar over Tryton, cold (no cache) and warm (cached),
 * next to a direct JSON-RPC read of the same figures: the calls the Tryton adapter makes for an
 * overview, sent by this program itself. One connection, one request at a time. Run it through
 * {@code ./erp-insight bench-tryton}.
 */
public final class TrytonBenchmark {
    /** The seed's customers (erp-sidecar/adapter-tryton/tryton/seed.py). */
    private static final String[] CUSTOMERS = {"1001", "1002", "1003", "1004", "1005", "1006"};
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String tryton = args[0];
        Path dir = Path.of(args[1]);
        String cold = args[2];
        String warm = args[3];
        String key = args[4];
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 200;
        Rpc rpc = new Rpc(URI.create(tryton + "/erpinsight/"), Files.readAllLines(dir.resolve("admin-password")).get(0));

        Runnable direct = () -> {
            String code = CUSTOMERS[(int) (System.nanoTime() % CUSTOMERS.length)];
            String party = rpc.call("model.party.party.search_read", "[[[\"code\",\"=\",\"" + code + "\"]],0,1,null,[\"code\",\"name\","
                    + "\"identifiers.code\",\"contact_mechanisms.type\",\"contact_mechanisms.value\",\"addresses.postal_code\","
                    + "\"addresses.city\",\"addresses.country.code\",\"receivable\",\"credit_limit_amount\",\"credit_amount\"],{\"company\":1}]");
            // the party's id, not the JSON-RPC envelope's
            String id = find(party.substring(party.indexOf("\"result\"")), "\"id\":\\s*(\\d+)");
            if (id.equals("1")) {
                throw new IllegalStateException("the company is no customer: " + party);
            }
            rpc.call("model.account.invoice.search_read", "[[[\"party\",\"=\"," + id + "],[\"type\",\"=\",\"out\"],[\"state\",\"in\","
                    + "[\"posted\",\"paid\"]]],0,null,[[\"invoice_date\",\"DESC\"],[\"id\",\"DESC\"]],[\"number\",\"invoice_date\",\"state\","
                    + "\"untaxed_amount\",\"total_amount\",\"amount_to_pay\",\"reconciled\",\"lines_to_pay.maturity_date\","
                    + "\"lines_to_pay.reconciliation\",\"lines_to_pay.debit\",\"lines_to_pay.credit\",\"payment_lines.reconciliation\","
                    + "\"payment_lines.debit\",\"payment_lines.credit\",\"currency.code\",\"party.code\"],{\"company\":1}]");
        };
        // both sidecars answer the overview, and the customer is one Tryton has as a customer
        for (String url : List.of(cold, warm)) {
            Preflight.require(Preflight.get(url, key).has("balance"), url + " answers no overview");
        }
        Runnable sidecarCold = () -> get(cold, key);
        Runnable sidecarWarm = () -> get(warm, key);

        System.out.printf(Locale.ROOT, "Customer overview over Tryton 6.0: %d requests each, one at a time, after 20 to warm up%n%n", rounds);
        double[] d = measure(direct, rounds);
        double[] c = measure(sidecarCold, rounds);
        double[] w = measure(sidecarWarm, rounds);
        System.out.printf(Locale.ROOT, "%-40s %9s %9s %9s%n", "", "mean ms", "p50 ms", "p99 ms");
        row("Tryton JSON-RPC, the same reads (direct)", d);
        row("sidecar REST overview, cold (no cache)", c);
        row("sidecar REST overview, warm (cached)", w);
        System.out.printf(Locale.ROOT, "%nwarm cache: %.1fx faster than the direct read (target at least 10x)%n", d[0] / w[0]);
        System.out.printf(Locale.ROOT, "cold: the sidecar adds %.1f%% to Tryton's own latency (target at most 15%%)%n",
                100 * (c[0] - d[0]) / d[0]);
    }

    private static void row(String name, double[] m) {
        System.out.printf(Locale.ROOT, "%-40s %9.2f %9.2f %9.2f%n", name, m[0], m[1], m[2]);
    }

    private static void get(String base, String key) {
        String code = CUSTOMERS[(int) (System.nanoTime() % CUSTOMERS.length)];
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/customers/" + code + "/overview"))
                    .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("sidecar answered " + r.statusCode() + ": " + r.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** mean, p50, p99 in milliseconds. */
    private static double[] measure(Runnable request, int rounds) {
        for (int i = 0; i < 20; i++) {
            request.run();
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            request.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new double[] {Arrays.stream(nanos).average().orElse(0) / 1e6, nanos[rounds / 2] / 1e6,
            nanos[Math.min(rounds - 1, (int) Math.ceil(rounds * 0.99) - 1)] / 1e6};
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text);
        }
        return m.group(1);
    }

    /** Tryton's JSON-RPC with one session. */
    private static final class Rpc {
        private final URI url;
        private final String auth;

        Rpc(URI url, String password) throws Exception {
            this.url = url;
            String login = post("common.db.login", "[\"admin\",{\"password\":\"" + password + "\"},\"en\"]", null);
            Matcher m = Pattern.compile("\\[(\\d+),\\s*\"([^\"]+)\"\\]").matcher(login);
            if (!m.find()) {
                throw new IllegalStateException("login failed: " + login);
            }
            this.auth = "Session " + Base64.getEncoder().encodeToString(("admin:" + m.group(1) + ":" + m.group(2))
                    .getBytes(StandardCharsets.UTF_8));
        }

        String call(String method, String params) {
            try {
                return post(method, params, auth);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private String post(String method, String params, String authorization) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            String body = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"error\": [") || body.contains("\"error\":[")) {
                throw new IllegalStateException(method + ": " + body);
            }
            return body;
        }
    }
}
