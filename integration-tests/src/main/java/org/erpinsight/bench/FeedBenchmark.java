package org.erpinsight.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a whole entity set of the sidecar's OData feed as a reporting tool does: the first page,
 * then every {@code @odata.nextLink} until there is none; each page parsed as it streams in
 * (Jackson's streaming parser), nothing kept. Prints rows, pages, seconds and rows per second
 * ({@code ./erp-insight bench-odata}).
 *
 * <pre>
 * --root URL    the service root, http://127.0.0.1:8380/odata/v1
 * --key KEY     an API key with the report scope
 * --set NAME    the entity set (Invoices)
 * --query Q     query options for the first page ($select=Number,Amount)
 * </pre>
 */
public final class FeedBenchmark {
    private FeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String set = a.getOrDefault("set", "Invoices");
        String query = a.getOrDefault("query", "");
        HttpClient http = HttpClient.newHttpClient();
        JsonFactory json = new JsonFactory();
        String next = a.get("root") + "/" + set + (query.isEmpty() ? "" : "?" + query);
        // the feed's own count first: the run must read every row once, no more, no fewer
        HttpResponse<String> counted = http.send(HttpRequest.newBuilder(URI.create(a.get("root") + "/" + set + "/$count"))
                .header("X-API-Key", a.get("key")).build(), HttpResponse.BodyHandlers.ofString());
        Preflight.require(counted.statusCode() == 200, set + "/$count answered " + counted.statusCode() + ": " + counted.body());
        long expected = Long.parseLong(counted.body().strip());
        long atLeast = Long.parseLong(a.getOrDefault("at-least", "1"));
        Preflight.require(expected >= atLeast, "the feed counts " + expected + " " + set + ", the benchmark needs at least " + atLeast
                + " (is the sidecar on the large data set?)");
        long rows = 0;
        int pages = 0;
        long start = System.nanoTime();
        while (next != null) {
            HttpResponse<InputStream> page = http.send(HttpRequest.newBuilder(URI.create(next)).header("X-API-Key", a.get("key"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofInputStream());
            if (page.statusCode() != 200) {
                throw new IllegalStateException(next + " answered " + page.statusCode() + ": " + new String(page.body().readAllBytes()));
            }
            next = null;
            try (JsonParser parser = json.createParser(page.body())) {
                parser.nextToken(); // the page's object
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("value")) {
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            parser.skipChildren();
                            rows++;
                        }
                    } else if (field.equals("@odata.nextLink")) {
                        next = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            pages++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Preflight.require(rows == expected, "read " + rows + " " + set + " through the pages, the feed counts " + expected);
        System.out.printf("%s%s: %,d rows in %,d pages, %.1f s, %,.0f rows/s%n", set, query.isEmpty() ? "" : "?" + query, rows, pages,
                seconds, rows / seconds);
    }
}
