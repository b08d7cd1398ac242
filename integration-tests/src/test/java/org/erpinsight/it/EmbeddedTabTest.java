package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tab embedded by a CRM that is not OSGi based: the test signs URLs the way README tells a
 * CRM's web panel to (its own HMAC code, not the plugin's), the keys are set by an admin in the
 * Web Console's configuration manager, and a key is rotated while URLs keep working.
 */
@org.junit.FixMethodOrder(org.junit.runners.MethodSorters.NAME_ASCENDING)
public class EmbeddedTabTest {
    private static final Sidecar SIDECAR = new Sidecar();
    private static final ReferenceHost HOST = new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest");

    @ClassRule
    public static final RuleChain RUNNING = RuleChain.outerRule(SIDECAR).around(HOST);

    private static final String K1 = "panel-2026-a-0123456789abcdefghijklmnop";
    private static final String K2 = "panel-2026-b-0123456789abcdefghijklmnop";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** What a CRM's web panel does: HMAC-SHA256 over tab, record, user, name, perms, exp, one per line. */
    private static String url(String kid, String secret, String tab, String record, String perms, long exp) throws Exception {
        String canonical = String.join("\n", tab, record, "u-42", "Ada Lovelace", perms, Long.toString(exp));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> q = new LinkedHashMap<>();
        q.put("tab", tab);
        q.put("record", record);
        q.put("user", "u-42");
        q.put("name", "Ada Lovelace");
        q.put("perms", perms);
        q.put("exp", Long.toString(exp));
        q.put("kid", kid);
        q.put("sig", sig);
        return "/erp-insight/embed?" + q.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static void keys(String... entries) throws Exception {
        EmbeddedTabTestKeys.configure(HOST, "https://crm.example.com", entries);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(HOST.uri(path)).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> awaitStatus(String path, int status) throws Exception {
        HttpResponse<String> answer = null;
        for (int i = 0; i < 40; i++) {
            answer = get(path);
            if (answer.statusCode() == status) {
                return answer;
            }
            Thread.sleep(250);
        }
        return answer;
    }

    @Test
    public void a_signedUrlsShowTheTabAndEverythingElseIsRefusedWithACode() throws Exception {
        long exp = Instant.now().getEpochSecond() + 300;
        String good = url("k1", K1, "financial-overview", "company/c-1001", "VIEW_FINANCIALS", exp);
        HttpResponse<String> before = get(good);
        assertEquals("no key configured: no embedding", 403, before.statusCode());
        assertTrue(before.body(), before.body().contains("EMBEDDING_DISABLED"));

        keys("k1=" + K1);
        HttpResponse<String> page = awaitStatus(good, 200);
        assertEquals(page.body(), 200, page.statusCode());
        String balance = SIDECAR.json("/api/v1/customers/10001/overview").get("balance").asText();
        assertTrue("the sidecar's balance " + balance, page.body().contains("data-figure=\"balance\" data-amount=\"" + balance + "\""));
        assertEquals("frame-ancestors https://crm.example.com", page.headers().firstValue("Content-Security-Policy").orElse(""));
        assertFalse("no link or unlink forms in an embedded tab", page.body().contains("/erp-insight/link"));
        HttpResponse<String> danish = get(good + "&lang=da");
        assertTrue("the words the CRM asks for", danish.body().contains("<html lang=\"da\"") && danish.body().contains("<dt>Saldo</dt>"));
        assertTrue(page.body().contains("<dt>Balance</dt>"));

        for (Map.Entry<String, String> bad : Map.of(
                "UNSIGNED", "/erp-insight/embed?tab=financial-overview&record=company/c-1001",
                "BAD_SIGNATURE", good.replace("company%2Fc-1001", "company%2Fc-1002"),
                "EXPIRED", url("k1", K1, "financial-overview", "company/c-1001", "VIEW_FINANCIALS", Instant.now().getEpochSecond() - 1),
                "TOO_LONG", url("k1", K1, "financial-overview", "company/c-1001", "VIEW_FINANCIALS", Instant.now().getEpochSecond() + 3600),
                "UNKNOWN_KEY", url("k9", K1, "financial-overview", "company/c-1001", "VIEW_FINANCIALS", exp)).entrySet()) {
            HttpResponse<String> refused = get(bad.getValue());
            assertEquals(bad.getKey(), 403, refused.statusCode());
            JsonNode problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.body());
            assertEquals(bad.getKey(), problem.get("code").asText());
            assertFalse(refused.body().contains("Exception"));
        }
        assertEquals(404, get(url("k1", K1, "no-such-tab", "company/c-1001", "VIEW_FINANCIALS", exp)).statusCode());
        assertEquals(404, get(url("k1", K1, "financial-overview", "company/c-9999", "VIEW_FINANCIALS", exp)).statusCode());
        HttpResponse<String> withoutPermission = get(url("k1", K1, "financial-overview", "company/c-1001", "none", exp));
        assertEquals(200, withoutPermission.statusCode());
        assertFalse(withoutPermission.body().contains("data-figure=\"balance\""));
    }

    @Test
    public void b_aKeyRotatesWhileUrlsKeepWorking() throws Exception {
        long exp = Instant.now().getEpochSecond() + 300;
        String old = url("k1", K1, "invoices", "company/c-1001", "VIEW_FINANCIALS", exp);
        String fresh = url("k2", K2, "invoices", "company/c-1001", "VIEW_FINANCIALS", exp);
        keys("k1=" + K1);
        assertEquals(200, awaitStatus(old, 200).statusCode());
        keys("k2=" + K2, "k1=" + K1);
        assertEquals("the new key works", 200, awaitStatus(fresh, 200).statusCode());
        assertEquals("the old one still does", 200, get(old).statusCode());
        keys("k2=" + K2);
        HttpResponse<String> retired = awaitStatus(old, 403);
        assertTrue(retired.body(), retired.body().contains("UNKNOWN_KEY"));
        assertEquals(200, get(fresh).statusCode());
        List.of(old, fresh).forEach(u -> assertTrue(u.contains("sig=")));
    }
}
