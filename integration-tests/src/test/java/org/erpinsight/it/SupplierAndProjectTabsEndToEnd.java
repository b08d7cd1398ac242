package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Supplier, Projects and Project overview tabs in the reference host, over each transport:
 * every figure a tab shows equals the sidecar's REST answer for the same supplier or project.
 * The demo links Andersen Byg (c-1001) as customer 10001 and supplier 70001, and the CRM
 * project pr-3001 to ERP project P-2002.
 */
public abstract class SupplierAndProjectTabsEndToEnd {
    private static final String[] PROJECT_FIGURES = {"budget", "hoursCost", "travelExpenses", "otherExpenses", "invoiced",
        "notInvoiced", "margin"};

    protected abstract ReferenceHost host();

    protected abstract Sidecar sidecar();

    private String page(String record, String user) throws Exception {
        HttpResponse<String> page = host().get("/crm/" + record, user);
        assertEquals(200, page.statusCode());
        return page.body();
    }

    private static String section(String html, String cssClass) {
        Matcher m = Pattern.compile("(?s)<section class=\"erp-insight " + cssClass + "\">(.*?)</section>").matcher(html);
        assertTrue("the page has the " + cssClass + " tab:\n" + html, m.find());
        return m.group(1);
    }

    private static String attribute(String html, String id, String attribute) {
        Matcher m = Pattern.compile("data-figure=\"" + id + "\" data-" + attribute + "=\"([^\"]*)\"").matcher(html);
        assertTrue("the tab shows " + id + ":\n" + html, m.find());
        return m.group(1);
    }

    private static BigDecimal amount(String html, String id) {
        return new BigDecimal(attribute(html, id, "amount"));
    }

    private static BigDecimal dec(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }

    @Test
    public void theTabsSpeakDanishToADanishUser() throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(host().uri("/crm/company/c-1011")).header("Cookie", "crm-user=sales; crm-lang=da").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.body().contains("<html lang=\"da\""));
        assertTrue("the host's own words too", answer.body().contains("Henter tal fra ERP") && answer.body().contains("Alle poster"));
        // order entry refuses in Danish
        java.net.http.HttpResponse<String> order = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(host().uri("/erp-insight/order?record=company%2Fc-1001&order=SO-NOPE")).header("Cookie", "crm-user=admin; crm-lang=da")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(404, order.statusCode());
        assertTrue(order.body(), order.body().contains("Ingen ordre SO-NOPE for denne posts kunde i ERP")
                && order.body().contains("<title>Ordreindtastning</title>"));
        String supplier = section(answer.body(), "erp-supplier");
        JsonNode o = sidecar().json("/api/v1/suppliers/70002/overview");
        assertTrue(supplier, supplier.contains("<dt>Køb i år</dt>") && supplier.contains("ERP-leverandør"));
        BigDecimal purchases = dec(o, "purchasesThisYear");
        assertEquals(purchases, amount(supplier, "purchasesThisYear"));
        String danish = Texts.danishAmount(purchases) + " " + o.get("currency").asText();
        assertTrue("shown as " + danish + ":\n" + supplier, supplier.contains(">" + danish));
        java.net.http.HttpResponse<String> customer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(host().uri("/crm/company/c-1001")).header("Cookie", "crm-user=sales; crm-lang=da").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String overview = section(customer.body(), "erp-financial-overview");
        JsonNode c = sidecar().json("/api/v1/customers/10001/overview");
        assertTrue(overview, overview.contains("<dt>Saldo</dt>") && overview.contains("Omsætning pr. måned"));
        assertTrue(overview, overview.contains(">" + Texts.danishAmount(dec(c, "balance")) + " " + c.get("currency").asText()));
        assertTrue("tab titles in Danish", customer.body().contains(">Økonomisk overblik</a>") && customer.body().contains(">Projekter</a>"));
        assertTrue(section(customer.body(), "erp-projects").contains("<th class=\"erp-amount\">Timeomkostning</th>"));
        java.net.http.HttpResponse<String> invoices = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(host().uri("/erp-insight/invoices?record=company%2Fc-1001&status=OVERDUE")).header("Cookie", "crm-user=sales; crm-lang=da")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(invoices.body(), invoices.body().contains("Fakturaer for ERP-kunde 10001") && invoices.body().contains(">Side 1 af ")
                && invoices.body().contains("<b data-filter=\"OVERDUE\">Forfaldne</b>") && invoices.body().contains("Tilbage til posten"));
        // an English browser gets English
        java.net.http.HttpResponse<String> english = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(host().uri("/crm/company/c-1011")).header("Cookie", "crm-user=sales").header("Accept-Language", "en-GB").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(section(english.body(), "erp-supplier").contains("<dt>Purchases this year</dt>"));
    }

    /** Danish amounts written the test's own way: grouping by '.', decimals after ','. */
    private static final class Texts {
        static String danishAmount(BigDecimal value) {
            java.text.DecimalFormatSymbols symbols = new java.text.DecimalFormatSymbols();
            symbols.setGroupingSeparator('.');
            symbols.setDecimalSeparator(',');
            symbols.setMinusSign('-');
            return new java.text.DecimalFormat("#,##0.00", symbols).format(value);
        }
    }

    @Test
    public void theSupplierTabShowsTheSidecarsFiguresForACompanyThatIsBothCustomerAndSupplier() throws Exception {
        String html = page("company/c-1001", "sales");
        String supplier = section(html, "erp-supplier");
        JsonNode o = sidecar().json("/api/v1/suppliers/70001/overview");
        for (String figure : new String[] {"payableBalance", "purchasesThisYear", "purchasesLastYear", "openPurchaseOrderAmount"}) {
            assertEquals(figure, dec(o, figure), amount(supplier, figure));
        }
        assertEquals(o.get("openPurchaseOrderCount").asText(), attribute(supplier, "openPurchaseOrderCount", "value"));
        assertTrue("and it is a customer too", section(html, "erp-financial-overview").contains("data-figure=\"balance\""));
        assertTrue("a record linked to a supplier only", section(page("company/c-1011", "sales"), "erp-supplier")
                .contains(">70002</b>"));
    }

    @Test
    public void theProjectsTabShowsEveryProjectOfTheCustomerWithTheSidecarsFigures() throws Exception {
        String projects = section(page("company/c-1002", "sales"), "erp-projects");
        JsonNode list = sidecar().json("/api/v1/customers/10002/projects").get("projects");
        assertTrue("the demo customer has projects", list.size() > 0);
        for (JsonNode summary : list) {
            String number = summary.get("number").asText();
            Matcher row = Pattern.compile("(?s)<tr data-project=\"" + Pattern.quote(number) + "\">(.*?)</tr>").matcher(projects);
            assertTrue(number + " is listed", row.find());
            JsonNode o = sidecar().json("/api/v1/projects/" + number + "/overview");
            for (String figure : PROJECT_FIGURES) {
                assertEquals(number + " " + figure, dec(o, figure), amount(row.group(1), figure));
            }
            assertEquals(number + " hours", dec(o, "hours"), amount(row.group(1), "hours"));
            BigDecimal cost = dec(o, "hoursCost").add(dec(o, "travelExpenses")).add(dec(o, "otherExpenses"));
            BigDecimal used = cost.multiply(BigDecimal.valueOf(100)).divide(dec(o, "budget"), 1, RoundingMode.HALF_UP);
            assertEquals(number + " budget used", used, new BigDecimal(attribute(row.group(1), "budgetUsed", "percent")));
        }
    }

    @Test
    public void aCrmProjectLinkedToAnErpProjectShowsItsOverview() throws Exception {
        String tab = section(page("project/pr-3001", "sales"), "erp-project-overview");
        JsonNode o = sidecar().json("/api/v1/projects/P-2002/overview");
        for (String figure : PROJECT_FIGURES) {
            assertEquals(figure, dec(o, figure), amount(tab, figure));
        }
        assertEquals(dec(o, "hours").toPlainString(), attribute(tab, "hours", "value"));
        assertTrue(tab.contains(">P-2002</b>"));
    }

    private HttpResponse<String> link(String record, String kind, String action, String number) throws Exception {
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page(record, "admin"));
        assertTrue(csrf.find());
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("record", record);
        form.put("source", "default");
        form.put("kind", kind);
        form.put("action", action);
        if (number != null) {
            form.put("number", number);
        }
        form.put("csrf", csrf.group(1));
        form.put("returnTo", "/crm/" + record);
        return host().postForm("/erp-insight/link", "admin", form);
    }

    @Test
    public void anUnlinkedRecordIsOfferedTheErpSupplierWithItsVatNumber() throws Exception {
        assertEquals(200, link("company/c-1011", "SUPPLIER", "unlink", null).statusCode());
        String tab = section(page("company/c-1011", "admin"), "erp-supplier");
        assertTrue(tab, tab.contains("<ul class=\"erp-suggestions\" data-kind=\"SUPPLIER\">")
                && tab.contains("Fjordview Hotel AS (70002, NO912345678)"));
        assertEquals(200, link("company/c-1011", "SUPPLIER", "link", "70002").statusCode());
    }

    @Test
    public void suppliersAndProjectsAreLinkedAndUnlinkedFromTheRecordPage() throws Exception {
        assertTrue(section(page("company/c-1004", "admin"), "erp-supplier").contains("data-kind=\"SUPPLIER\""));
        assertEquals("an unknown supplier is refused", 422, link("company/c-1004", "SUPPLIER", "link", "99999").statusCode());
        HttpResponse<String> linked = link("company/c-1004", "SUPPLIER", "link", "70003");
        assertEquals(linked.body(), 200, linked.statusCode());
        String supplier = section(page("company/c-1004", "admin"), "erp-supplier");
        assertEquals(dec(sidecar().json("/api/v1/suppliers/70003/overview"), "payableBalance"), amount(supplier, "payableBalance"));
        assertEquals(200, link("company/c-1004", "SUPPLIER", "unlink", null).statusCode());
        assertFalse(section(page("company/c-1004", "admin"), "erp-supplier").contains("data-figure"));

        assertEquals(200, link("project/pr-3002", "PROJECT", "unlink", null).statusCode());
        String unlinkedProject = section(page("project/pr-3002", "admin"), "erp-project-overview");
        assertTrue(unlinkedProject.contains("data-kind=\"PROJECT\""));
        assertTrue("ERP projects are suggested by the words of the CRM project's name:\n" + unlinkedProject,
                unlinkedProject.contains("<ul class=\"erp-suggestions\" data-kind=\"PROJECT\">")
                        && unlinkedProject.matches("(?s).*name=\"number\" value=\"P-20\\d\\d\".*"));
        assertEquals("an unknown project is refused", 422, link("project/pr-3002", "PROJECT", "link", "P-9999").statusCode());
        assertEquals(200, link("project/pr-3002", "PROJECT", "link", "P-2004").statusCode());
        String project = section(page("project/pr-3002", "admin"), "erp-project-overview");
        assertTrue(project.contains(">P-2004</b>"));
        assertEquals(dec(sidecar().json("/api/v1/projects/P-2004/overview"), "margin"), amount(project, "margin"));
        assertEquals(200, link("project/pr-3002", "PROJECT", "unlink", null).statusCode());
        assertEquals(200, link("project/pr-3002", "PROJECT", "link", "P-2003").statusCode());
    }

    private HttpResponse<String> create(String record, String kind, String section, String user) throws Exception {
        String html = page(record, "admin");
        String tab = section(html, section);
        Matcher key = Pattern.compile("data-kind=\"" + kind + "\"><summary>.*?name=\"key\" value=\"([^\"]+)\"").matcher(tab);
        assertTrue("the " + kind + " can be created from the record:\n" + tab, key.find());
        // the user's own token (c-1001's order form carries it for sales people too), so that a 403 is about permission
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page("company/c-1001", user));
        assertTrue(csrf.find());
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("record", record);
        form.put("source", "default");
        form.put("kind", kind);
        form.put("action", "create");
        form.put("key", key.group(1));
        form.put("name", "Nimbus Analytics ApS");
        form.put("vatNumber", "DK99887766");
        form.put("csrf", csrf.group(1));
        form.put("returnTo", "/crm/" + record);
        HttpResponse<String> first = host().postForm("/erp-insight/link", user, form);
        if (first.statusCode() == 200) {
            assertEquals("a second click creates nothing new", first.body(), host().postForm("/erp-insight/link", user, form).body());
        }
        return first;
    }

    @Test
    public void aCustomerAndASupplierAreCreatedInTheErpFromTheRecordAndLinked() throws Exception {
        assertEquals("only who manages links", 403, create("company/c-1010", "CUSTOMER", "erp-financial-overview", "sales").statusCode());
        HttpResponse<String> customer = create("company/c-1010", "CUSTOMER", "erp-financial-overview", "admin");
        assertEquals(customer.body(), 200, customer.statusCode());
        String number = customer.body().replaceAll("(?s).*\"erpNumber\":\"([^\"]+)\".*", "$1");
        JsonNode party = sidecar().json("/api/v1/customers/" + number);
        assertEquals("Nimbus Analytics ApS", party.get("name").asText());
        assertEquals("DK99887766", party.get("vatNumber").asText());
        assertTrue("the record is linked to it", section(page("company/c-1010", "admin"), "erp-financial-overview")
                .contains("data-figure=\"balance\""));
        HttpResponse<String> supplier = create("company/c-1010", "SUPPLIER", "erp-supplier", "admin");
        assertEquals(supplier.body(), 200, supplier.statusCode());
        String supplierNumber = supplier.body().replaceAll("(?s).*\"erpNumber\":\"([^\"]+)\".*", "$1");
        assertEquals("SUPPLIER", sidecar().json("/api/v1/suppliers/" + supplierNumber).get("kind").asText());
        assertTrue(section(page("company/c-1010", "admin"), "erp-supplier").contains(">" + supplierNumber + "</b>"));
    }

    @Test
    public void withoutFinancialPermissionTheTabsShowNoFigures() throws Exception {
        String html = page("company/c-1001", "guest");
        assertFalse(section(html, "erp-supplier").contains("data-figure"));
        assertFalse(section(page("project/pr-3001", "guest"), "erp-project-overview").contains("data-figure"));
        assertFalse(section(page("company/c-1002", "guest"), "erp-projects").contains("data-figure"));
    }
}
