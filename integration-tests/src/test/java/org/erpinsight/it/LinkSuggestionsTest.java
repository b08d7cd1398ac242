package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.runners.MethodSorters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bulk suggestions end to end in the reference host over a real sidecar: started through the JSON
 * endpoint (manage-links permission and CSRF token checked), watched to its end, clear matches
 * linked (Virtanen by its VAT number), the queue as the run counted it. (Accepting and rejecting from
 * the queue: SuggestionRunsTest, where the data has look-alikes to queue.)
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class LinkSuggestionsTest {
    private static final Sidecar SIDECAR = new Sidecar();
    private static final ReferenceHost HOST = new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest");

    @ClassRule
    public static final RuleChain RUNNING = RuleChain.outerRule(SIDECAR).around(HOST);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/erp-insight/link-manager/suggestions";

    private static HttpResponse<String> get(String user, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(HOST.uri(PATH + query)).header("Cookie", "crm-user=" + user).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String user, String token, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(HOST.uri(PATH)).header("Cookie", "crm-user=" + user)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            request.header("X-CSRF-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void a_aRunLinksTheClearOnesAndQueuesTheRest() throws Exception {
        assertEquals("who may not manage links", 403, get("sales", "").statusCode());
        JsonNode before = JSON.readTree(get("admin", "").body());
        String token = before.get("csrf").asText();
        assertEquals("no CSRF token, no run", 403, post("admin", null, "action=start&kind=CUSTOMER").statusCode());
        assertEquals(400, post("admin", token, "action=start&kind=CUSTOMER&threshold=7").statusCode());
        assertEquals(400, post("admin", token, "action=start&kind=PROJECT").statusCode());

        HttpResponse<String> started = post("admin", token, "action=start&kind=CUSTOMER&threshold=0.6");
        assertEquals(started.body(), 200, started.statusCode());
        JsonNode run = JSON.readTree(started.body());
        for (int i = 0; i < 200 && run.get("state").asText().equals("RUNNING"); i++) {
            Thread.sleep(100);
            run = JSON.readTree(get("admin", "").body()).get("run");
        }
        System.out.println("Suggestion run over the reference host: " + run);
        assertEquals(run.toString(), "DONE", run.get("state").asText());
        assertEquals("every company and contact looked at", run.get("total").asInt(), run.get("done").asInt());
        assertTrue(run.toString(), run.get("linked").asInt() >= 1);

        // Virtanen Tekniikka Oy had no link; the ERP knows it by its VAT number
        String links = HOST.get("/erp-insight/links.csv?kind=CUSTOMER", "admin").body();
        assertTrue(links, links.contains("\"company\",\"c-1004\",\"Virtanen Tekniikka Oy\",\"default\",\"CUSTOMER\",\"10004\""));
        assertFalse("Nimbus is in no ERP", links.contains("\"c-1010\""));
        String page = HOST.get("/crm/company/c-1004", "admin").body();
        assertTrue("the tab shows the ERP's figures now", page.contains("data-figure=\"balance\""));

        JsonNode queue = JSON.readTree(get("admin", "?kind=CUSTOMER&minScore=0").body()).get("queue");
        assertEquals(run.get("queued").asInt(), queue.size());
        assertEquals("no such suggestion", 404, post("admin", token, "action=accept&id=0").statusCode());
    }

    @Test
    public void b_theLinkManagerPageShowsLinksRecordsTheRunAndTheAuditLog() throws Exception {
        assertEquals("who may not manage links", 403, HOST.get("/erp-insight/link-manager", "sales").statusCode());
        HttpResponse<String> page = HOST.get("/erp-insight/link-manager?kind=CUSTOMER", "admin");
        assertEquals(page.body(), 200, page.statusCode());
        String html = page.body();
        assertTrue("Andersen's link", html.contains("data-record=\"company/c-1001\" data-erp-number=\"10001\""));
        assertTrue("Nimbus has none", html.contains("<li data-record=\"company/c-1010\">"));
        assertTrue("the last run", html.contains("<div class=\"erp-run\" data-state=\"DONE\""));
        assertTrue("the newest changes, Virtanen's by suggestion", html.contains("company/c-1004") && html.contains(">SUGGESTION<"));
        assertTrue("search", HOST.get("/erp-insight/link-manager?kind=CUSTOMER&q=virtanen", "admin").body()
                .contains("data-record=\"company/c-1004\""));
        assertFalse("search narrows", HOST.get("/erp-insight/link-manager?kind=CUSTOMER&q=virtanen", "admin").body()
                .contains("data-record=\"company/c-1001\" data-erp-number"));
        String danish = HTTP.send(HttpRequest.newBuilder(HOST.uri("/erp-insight/link-manager")).header("Cookie", "crm-user=admin; crm-lang=da")
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(danish.contains("<h1>Tilknytninger</h1>") && danish.contains("Poster uden tilknytning"));

        // a run started from the page's form comes back to the page
        String token = JSON.readTree(get("admin", "").body()).get("csrf").asText();
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(HOST.uri(PATH)).header("Cookie", "crm-user=admin")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "action=start&kind=SUPPLIER&threshold=0.6&returnTo=%2Ferp-insight%2Flink-manager%3Fkind%3DSUPPLIER&csrf="
                        + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(started.body(), 302, started.statusCode());
        assertEquals("/erp-insight/link-manager?kind=SUPPLIER", java.net.URI.create(started.headers().firstValue("Location").orElseThrow()).getPath()
                + "?" + java.net.URI.create(started.headers().firstValue("Location").orElseThrow()).getQuery());
        JsonNode run = JSON.readTree(get("admin", "").body()).get("run");
        assertEquals("SUPPLIER", run.get("kind").asText());
    }

    @Test
    public void c_theListIsJsonForScriptsAndAnUnlinkedCompanyIsCreatedInTheErpFromThePage() throws Exception {
        JsonNode list = JSON.readTree(HOST.get("/erp-insight/link-manager?kind=CUSTOMER&format=json", "admin").body());
        boolean andersen = false;
        for (JsonNode l : list.get("links")) {
            andersen |= l.get("record").asText().equals("company/c-1001") && l.get("erpNumber").asText().equals("10001") && l.get("version").asLong() >= 1;
        }
        assertTrue(list.toString(), andersen);

        String page = HOST.get("/erp-insight/link-manager?kind=CUSTOMER", "admin").body();
        java.util.regex.Matcher form = java.util.regex.Pattern.compile("<li data-record=\"company/c-1010\">.*?<form method=\"post\" action=\"/erp-insight/link\""
                + " class=\"erp-create\".*?name=\"key\" value=\"([^\"]+)\".*?name=\"csrf\" value=\"([^\"]+)\"", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        assertTrue("Nimbus can be created in the ERP from the page", form.find());
        String body = "record=company%2Fc-1010&source=default&kind=CUSTOMER&action=create&key=" + form.group(1)
                + "&name=Nimbus+Analytics+ApS&vatNumber=DK99887766&reason=linked+in+the+link+manager"
                + "&returnTo=%2Ferp-insight%2Flink-manager%3Fkind%3DCUSTOMER&csrf=" + java.net.URLEncoder.encode(form.group(2),
                java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(HOST.uri("/erp-insight/link")).header("Cookie", "crm-user=admin")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(created.body(), 302, created.statusCode());
        String links = HOST.get("/erp-insight/links.csv?kind=CUSTOMER", "admin").body();
        java.util.regex.Matcher nimbus = java.util.regex.Pattern.compile("\"c-1010\",\"Nimbus Analytics ApS\",\"default\",\"CUSTOMER\",\"([^\"]+)\"")
                .matcher(links);
        assertTrue(links, nimbus.find());
        assertEquals("the ERP has the customer, named as the CRM names it", "Nimbus Analytics ApS",
                SIDECAR.json("/api/v1/customers/" + nimbus.group(1)).get("name").asText());
        assertEquals("a second click of the same form creates nothing new", 302, HTTP.send(HttpRequest.newBuilder(HOST.uri("/erp-insight/link"))
                .header("Cookie", "crm-user=admin").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        int named = 0;
        for (JsonNode c : SIDECAR.json("/api/v1/customers?name=Nimbus&limit=20").get("customers")) {
            named += c.get("name").asText().equals("Nimbus Analytics ApS") ? 1 : 0;
        }
        assertEquals("one Nimbus in the ERP after two clicks", 1, named);
    }
}
