package org.erpinsight.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every benchmark checks before it measures: the sidecar answers with the key, and the data
 * set is the one the benchmark means. A check that fails ends the run with exit code 3 and no
 * figures, so that no figure is ever printed over the wrong data.
 */
public final class Preflight {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Preflight() {
    }

    /** Ends the benchmark: the message says what was wrong; nothing is measured. */
    public static RuntimeException refuse(String why) {
        System.out.flush();
        System.err.println("BENCHMARK STOPPED, nothing measured: " + why);
        System.exit(3);
        return new IllegalStateException(why);
    }

    /** The sidecar is UP and takes the key. */
    public static void sidecar(String url, String key) {
        JsonNode health = get(url + "/health", null);
        if (!"UP".equals(health.path("status").asText())) {
            throw refuse("the sidecar at " + url + " is not UP: " + health);
        }
        get(url + "/api/v1/ping", key);
    }

    /** How many parties of the kind the sidecar lists; stops the benchmark unless it is at least {@code atLeast}. */
    public static long parties(String url, String key, String kind, long atLeast) {
        long total = get(url + "/api/v1/parties?kind=" + kind + "&offset=0&limit=1", key).path("total").asLong(-1);
        if (total < atLeast) {
            throw refuse("the sidecar at " + url + " lists " + total + " parties of kind " + kind + ", the benchmark needs at least "
                    + atLeast + " (is it on the right data set?)");
        }
        return total;
    }

    /** The JSON answer of a GET, or the benchmark stops saying why. */
    public static JsonNode get(String url, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw refuse("GET " + url + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw refuse("GET " + url + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refuse("interrupted");
        }
    }

    /** A CRM page as the admin sees it (the reference host's demo user in a cookie), or the benchmark stops. */
    public static String page(String url) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Cookie", "crm-user=admin").build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw refuse("GET " + url + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw refuse("GET " + url + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refuse("interrupted");
        }
    }

    /** Stops the benchmark unless {@code ok}. */
    public static void require(boolean ok, String why) {
        if (!ok) {
            throw refuse(why);
        }
    }
}
