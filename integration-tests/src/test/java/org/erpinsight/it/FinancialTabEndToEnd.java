package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The proof of the foundation: a CRM company in the reference host is linked to an ERP
 * customer, and its "Financial overview" tab, rendered by the host inside Felix, shows the
 * same balance and overdue amount as the sidecar's REST API. Subclasses run it over each
 * transport.
 */
public abstract class FinancialTabEndToEnd {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    protected abstract ReferenceHost host();

    protected abstract Sidecar sidecar();

    private static String figure(String html, String id) {
        Matcher m = Pattern.compile("data-figure=\"" + id + "\" data-amount=\"([^\"]*)\"").matcher(html);
        assertTrue("the tab shows " + id + ":\n" + html, m.find());
        return m.group(1);
    }

    private String page(String record, String user) throws Exception {
        HttpResponse<String> page = host().get("/crm/" + record, user);
        assertEquals(200, page.statusCode());
        return page.body();
    }

    private Map<String, String> linkForm(String html, String record, String number) {
        Matcher csrf = CSRF.matcher(html);
        assertTrue("the unlinked tab offers a link form", csrf.find());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("record", record);
        form.put("source", "default");
        form.put("kind", "CUSTOMER");
        form.put("action", "link");
        form.put("number", number);
        form.put("csrf", csrf.group(1));
        form.put("returnTo", "/crm/" + record);
        return form;
    }

    @Test
    public void aCompanyLinkedFromItsPageShowsTheSidecarsBalanceAndOverdue() throws Exception {
        String before = page("company/c-1004", "admin");
        assertTrue(before, before.contains("not linked to an ERP customer"));
        assertTrue("suggestions find the customer by VAT number", before.contains("(10004, FI12345678)"));

        HttpResponse<String> linked = host().postForm("/erp-insight/link", "admin", linkForm(before, "company/c-1004", "10004"));
        assertEquals(linked.body(), 200, linked.statusCode());
        assertTrue(linked.body(), linked.body().contains("\"erpNumber\":\"10004\""));

        String after = page("company/c-1004", "admin");
        JsonNode overview = sidecar().json("/api/v1/customers/10004/overview");
        assertEquals(new BigDecimal(overview.get("balance").asText()), new BigDecimal(figure(after, "balance")));
        assertEquals(new BigDecimal(overview.get("overdueAmount").asText()), new BigDecimal(figure(after, "overdueAmount")));
        assertEquals(new BigDecimal(overview.get("creditLimit").asText()), new BigDecimal(figure(after, "creditLimit")));
        assertEquals(new BigDecimal(overview.get("revenueThisYear").asText()), new BigDecimal(figure(after, "revenueThisYear")));
        assertEquals(new BigDecimal(overview.get("revenueLastYear").asText()), new BigDecimal(figure(after, "revenueLastYear")));
    }

    @Test
    public void aCustomerWithoutACreditLimitShowsNoLimitNotZero() throws Exception {
        assertTrue("the ERP sets no limit for 10007", sidecar().json("/api/v1/customers/10007/overview").get("creditLimit").isNull());
        String before = page("company/c-1007", "admin");
        if (before.contains("not linked to an ERP customer")) {
            HttpResponse<String> linked = host().postForm("/erp-insight/link", "admin", linkForm(before, "company/c-1007", "10007"));
            assertEquals(linked.body(), 200, linked.statusCode());
        }
        String after = page("company/c-1007", "admin");
        assertTrue(after, after.contains("data-figure=\"creditLimit\" data-amount=\"\" data-no-limit=\"true\">No limit"));
        assertFalse(after.contains("Over the credit limit"));
    }

    @Test
    public void aCompanyLinkedOutOfTheBoxShowsFiguresWithOverdueWarning() throws Exception {
        String html = page("company/c-1006", "admin");
        JsonNode overview = sidecar().json("/api/v1/customers/10006/overview");
        assertEquals(new BigDecimal(overview.get("balance").asText()), new BigDecimal(figure(html, "balance")));
        assertEquals(new BigDecimal(overview.get("overdueAmount").asText()), new BigDecimal(figure(html, "overdueAmount")));
        assertTrue("the slow payer has overdue invoices", overview.get("overdueInvoiceCount").asInt() > 0);
        assertTrue(html.contains("overdue invoice(s)"));
        boolean overLimit = new BigDecimal(overview.get("creditUsed").asText()).compareTo(new BigDecimal(overview.get("creditLimit").asText())) > 0;
        assertTrue("the demo's slow payer is over its credit limit", overLimit);
        assertTrue(html.contains("Over the credit limit"));
        assertTrue("revenue per month is charted", html.contains("<svg role=\"img\" aria-label=\"Revenue per month\""));
    }

    @Test
    public void theInvoicesTabListsTheErpsInvoicesAndOpensTheirPdf() throws Exception {
        String html = page("company/c-1006", "admin");
        JsonNode invoices = sidecar().json("/api/v1/customers/10006/invoices?limit=25");
        for (JsonNode invoice : invoices.get("invoices")) {
            assertTrue(invoice.get("number").asText(), html.contains("data-invoice=\"" + invoice.get("number").asText()
                    + "\" data-status=\"" + invoice.get("status").asText() + "\" data-amount=\"" + invoice.get("amount").asText() + "\""));
        }
        String number = invoices.at("/invoices/0/number").asText();
        HttpResponse<byte[]> pdf = host().getBytes("/erp-insight/invoice-document?record=company/c-1006&invoice=" + number, "sales");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
        if (org.erpinsight.sidecar.documents.Poppler.installed()) {
            String text = org.erpinsight.sidecar.documents.Poppler.text(pdf.body());
            assertTrue("the ERP's document of " + number + ":\n" + text, text.contains("Invoice " + number) && text.contains("Hansen & Søn"));
        }
        assertEquals("a guest may not", 403, host().get("/erp-insight/invoice-document?record=company/c-1006&invoice=" + number,
                "guest").statusCode());
        String other = sidecar().json("/api/v1/customers/10001/invoices?limit=1").at("/invoices/0/number").asText();
        assertEquals("another customer's invoice is not served through this record", 404,
                host().get("/erp-insight/invoice-document?record=company/c-1006&invoice=" + other, "admin").statusCode());
    }

    @Test
    public void theOrdersTabShowsTheErpsOrdersWithTheirLines() throws Exception {
        String html = page("company/c-1001", "sales");
        JsonNode orders = sidecar().json("/api/v1/customers/10001/orders?limit=10");
        assertTrue("the demo customer has orders", orders.get("orders").size() > 0);
        for (JsonNode order : orders.get("orders")) {
            assertTrue(order.get("number").asText(), html.contains("data-order=\"" + order.get("number").asText() + "\" data-status=\""
                    + order.get("status").asText() + "\" data-total=\"" + order.get("total").asText() + "\""));
        }
        assertTrue(html.contains(orders.at("/orders/0/lines/0/priceRule").asText()));
    }

    private static String group(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(regex + " in\n" + html, m.find());
        return m.group(1);
    }

    /** Quote, create (twice, one order), confirm: the order entry a sales person does from the record page. */
    private String enterOrder(String record, String item, String quantity) throws Exception {
        String csrf = group(page(record, "admin"), "name=\"csrf\" value=\"([^\"]+)\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("record", record);
        form.put("returnTo", "/crm/" + record);
        form.put("csrf", csrf);
        form.put("action", "quote");
        form.put("item", item);
        form.put("quantity", quantity);
        form.put("reference", "IT order");
        HttpResponse<String> quote = host().postForm("/erp-insight/order", "admin", form);
        assertEquals(quote.body(), 200, quote.statusCode());
        assertTrue(quote.body().contains("data-quote-total="));
        form.put("action", "create");
        form.put("key", group(quote.body(), "name=\"key\" value=\"([^\"]+)\""));
        String number = group(host().postForm("/erp-insight/order", "admin", form).body(), "data-order-number=\"([^\"]+)\"");
        assertEquals("a second click makes no second order", number,
                group(host().postForm("/erp-insight/order", "admin", form).body(), "data-order-number=\"([^\"]+)\""));
        return number;
    }

    @Test
    public void ordersAreEnteredWithErpPricesFromTheRecordPage() throws Exception {
        String number = enterOrder("company/c-1001", "I-1002", "10");
        JsonNode order = sidecar().json("/api/v1/orders/" + number);
        assertEquals("DRAFT", order.get("status").asText());
        assertEquals("Quantity break 10+", order.at("/lines/0/priceRule").asText());
        assertEquals("IT order", order.get("reference").asText());
        String csrf = group(page("company/c-1001", "admin"), "name=\"csrf\" value=\"([^\"]+)\"");
        Map<String, String> confirm = new LinkedHashMap<>();
        confirm.put("record", "company/c-1001");
        confirm.put("csrf", csrf);
        confirm.put("action", "confirm");
        confirm.put("order", number);
        assertTrue(host().postForm("/erp-insight/order", "admin", confirm).body().contains("data-confirmed=\"true\""));
        assertEquals("CONFIRMED", sidecar().json("/api/v1/orders/" + number).get("status").asText());
        assertTrue("the Orders tab shows it", page("company/c-1001", "admin").contains("data-order=\"" + number + "\""));
    }

    @Test
    public void allInvoicesAreFilteredPagedAndTotalledAsTheErpHasThem() throws Exception {
        assertTrue("the tab links to the filtered list", page("company/c-1006", "sales").contains("data-filter=\"OVERDUE\""));
        for (String status : new String[] {"ALL", "OPEN", "OVERDUE", "PAID"}) {
            JsonNode all = sidecar().json("/api/v1/customers/10006/invoices?status=" + status + "&limit=500");
            int total = all.get("total").asInt();
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal open = BigDecimal.ZERO;
            for (JsonNode invoice : all.get("invoices")) {
                amount = amount.add(new BigDecimal(invoice.get("amount").asText()));
                open = open.add(new BigDecimal(invoice.get("openAmount").asText()));
            }
            // five a page, so that the demo's dozen invoices take several
            int pages = Math.max(1, (total + 4) / 5);
            for (int p = 1; p <= pages; p++) {
                HttpResponse<String> list = host().get("/erp-insight/invoices?record=company/c-1006&status=" + status + "&page=" + p
                        + "&size=5", "sales");
                assertEquals(list.body(), 200, list.statusCode());
                Matcher rows = Pattern.compile("<tr data-invoice=\"([^\"]+)\" data-status=\"([A-Z]+)\"").matcher(list.body());
                int row = (p - 1) * 5;
                while (rows.find()) {
                    assertEquals(status + " page " + p, all.at("/invoices/" + row + "/number").asText(), rows.group(1));
                    assertTrue(status.equals("ALL") || status.equals(rows.group(2)));
                    row++;
                }
                assertEquals(status + " page " + p + " holds its rows", Math.min(total, p * 5), row);
                if (p < pages) {
                    assertTrue("a next page", list.body().contains("rel=\"next\""));
                }
                assertTrue(list.body().contains("data-page=\"" + p + "\" data-pages=\"" + pages + "\""));
                assertTrue(list.body().contains("data-counted=\"" + total + "\""));
                if (total > 0) {
                    assertEquals(status + " total", 0, amount.compareTo(new BigDecimal(group(list.body(), "data-total-amount=\"([^\"]+)\""))));
                    assertEquals(status + " open", 0, open.compareTo(new BigDecimal(group(list.body(), "data-total-open=\"([^\"]+)\""))));
                }
            }
        }
        assertEquals(403, host().get("/erp-insight/invoices?record=company/c-1006", "guest").statusCode());
        assertEquals(400, host().get("/erp-insight/invoices?record=company/c-1006&status=LATE", "sales").statusCode());
        assertEquals(400, host().get("/erp-insight/invoices?record=company/c-1006&page=0", "sales").statusCode());
        assertEquals(404, host().get("/erp-insight/invoices?record=company/c-1005", "sales").statusCode());
    }

    private java.util.List<String[]> orderForm(String record, String action, String order) throws Exception {
        java.util.List<String[]> form = new java.util.ArrayList<>();
        form.add(new String[] {"record", record});
        form.add(new String[] {"returnTo", "/crm/" + record});
        form.add(new String[] {"csrf", group(page(record, "admin"), "name=\"csrf\" value=\"([^\"]+)\"")});
        form.add(new String[] {"action", action});
        form.add(new String[] {"order", order});
        return form;
    }

    private HttpResponse<String> postOrder(java.util.List<String[]> form) throws Exception {
        return host().postFields("/erp-insight/order", "admin", form);
    }

    @Test
    public void aDraftIsWorkedOnInTheErpLineByLineAndConfirmed() throws Exception {
        String number = enterOrder("company/c-1001", "I-1002", "10");
        assertTrue("the Orders tab reopens the draft", page("company/c-1001", "admin").contains("erp-continue"));
        HttpResponse<String> editor = host().get("/erp-insight/order?record=company/c-1001&order=" + number, "admin");
        assertEquals(editor.body(), 200, editor.statusCode());
        assertTrue(editor.body().contains("data-order-number=\"" + number + "\" data-status=\"DRAFT\""));

        // find items by number or name, add one: the ERP has it on the draft, priced
        java.util.List<String[]> find = orderForm("company/c-1001", "items", number);
        find.add(new String[] {"text", "I-100"});
        String found = postOrder(find).body();
        assertTrue(found, found.contains("data-item=\"I-1001\""));
        java.util.List<String[]> add = orderForm("company/c-1001", "add", number);
        add.add(new String[] {"add", "I-1001"});
        add.add(new String[] {"lines", group(found, "name=\"lines\" value=\"([0-9]+)\"")});
        assertEquals(200, postOrder(add).statusCode());
        assertTrue("a second click adds nothing", postOrder(add).body().contains("data-not-added=\"I-1001\""));
        JsonNode twoLines = sidecar().json("/api/v1/orders/" + number);
        assertEquals(2, twoLines.get("lines").size());
        assertEquals("I-1001", twoLines.at("/lines/1/itemNumber").asText());

        // change line 1 to 50 and remove line 2; a retry or the back button saves the same
        java.util.List<String[]> save = orderForm("company/c-1001", "save", number);
        save.add(new String[] {"item", "I-1002"});
        save.add(new String[] {"quantity", "50"});
        save.add(new String[] {"item", "I-1001"});
        save.add(new String[] {"quantity", "1"});
        save.add(new String[] {"item", ""});
        save.add(new String[] {"quantity", ""});
        save.add(new String[] {"remove", "2"});
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> saved = postOrder(save);
            assertEquals(saved.body(), 200, saved.statusCode());
            JsonNode order = sidecar().json("/api/v1/orders/" + number);
            assertEquals(1, order.get("lines").size());
            assertEquals("Quantity break 50+", order.at("/lines/0/priceRule").asText());
            assertTrue("the page shows the ERP's price", saved.body().contains("data-unit-price=\""
                    + order.at("/lines/0/unitPrice").asText() + "\" data-amount=\"" + order.at("/lines/0/lineAmount").asText() + "\""));
        }

        // the page's script asks for prices without saving
        java.util.List<String[]> quote = orderForm("company/c-1001", "quote", number);
        quote.add(new String[] {"format", "json"});
        quote.add(new String[] {"item", "I-1002"});
        quote.add(new String[] {"quantity", "10"});
        JsonNode priced = new com.fasterxml.jackson.databind.ObjectMapper().readTree(postOrder(quote).body());
        assertEquals("Quantity break 10+", priced.at("/lines/0/priceRule").asText());
        assertEquals("not saved", 1, sidecar().json("/api/v1/orders/" + number).get("lines").size());
        assertEquals("50", sidecar().json("/api/v1/orders/" + number).at("/lines/0/quantity").asText());

        java.util.List<String[]> confirm = orderForm("company/c-1001", "confirm", number);
        assertTrue(postOrder(confirm).body().contains("data-confirmed=\"true\""));
        assertEquals("a confirmed order's lines stay", 409, postOrder(save).statusCode());
        assertEquals(409, postOrder(add).statusCode());
        assertTrue("the confirmed order reopens as it stands", host().get("/erp-insight/order?record=company/c-1001&order=" + number,
                "admin").body().contains("data-status=\"CONFIRMED\""));
    }

    @Test
    public void noOrderActionReachesAnotherCustomersOrder() throws Exception {
        String andersens = enterOrder("company/c-1001", "I-1002", "1");
        for (String action : new String[] {"save", "add", "items", "confirm"}) {
            java.util.List<String[]> form = orderForm("company/c-1006", action, andersens);
            form.add(new String[] {"item", "I-1002"});
            form.add(new String[] {"quantity", "99"});
            form.add(new String[] {"add", "I-1001"});
            form.add(new String[] {"acceptCreditWarning", "true"});
            assertEquals(action, 404, postOrder(form).statusCode());
        }
        assertEquals(404, host().get("/erp-insight/order?record=company/c-1006&order=" + andersens, "admin").statusCode());
        JsonNode untouched = sidecar().json("/api/v1/orders/" + andersens);
        assertEquals("DRAFT", untouched.get("status").asText());
        assertEquals(1, untouched.get("lines").size());
        assertEquals("1", untouched.at("/lines/0/quantity").asText());
    }

    @Test
    public void anOrderOfAnotherCustomerCannotBeConfirmedFromThisRecord() throws Exception {
        // Andersen Byg's draft, confirmed (warning accepted) from Hansen & Søn's page by changing the hidden field
        String andersens = enterOrder("company/c-1001", "I-1002", "1");
        String csrf = group(page("company/c-1006", "admin"), "name=\"csrf\" value=\"([^\"]+)\"");
        Map<String, String> confirm = new LinkedHashMap<>();
        confirm.put("record", "company/c-1006");
        confirm.put("csrf", csrf);
        confirm.put("action", "confirm");
        confirm.put("order", andersens);
        confirm.put("acceptCreditWarning", "true");
        HttpResponse<String> refused = host().postForm("/erp-insight/order", "admin", confirm);
        assertEquals(refused.body(), 404, refused.statusCode());
        assertFalse(refused.body().contains("data-confirmed"));
        assertEquals("the ERP order is untouched", "DRAFT", sidecar().json("/api/v1/orders/" + andersens).get("status").asText());
        confirm.put("order", "NO-SUCH-ORDER");
        assertEquals(404, host().postForm("/erp-insight/order", "admin", confirm).statusCode());
    }

    @Test
    public void overTheCreditLimitTheUserMustAcceptTheWarning() throws Exception {
        String number = enterOrder("company/c-1006", "I-1002", "1");
        String csrf = group(page("company/c-1006", "admin"), "name=\"csrf\" value=\"([^\"]+)\"");
        Map<String, String> confirm = new LinkedHashMap<>();
        confirm.put("record", "company/c-1006");
        confirm.put("csrf", csrf);
        confirm.put("action", "confirm");
        confirm.put("order", number);
        String warned = host().postForm("/erp-insight/order", "admin", confirm).body();
        assertTrue(warned, warned.contains("data-confirmed=\"false\""));
        assertTrue(new BigDecimal(group(warned, "data-exceeded-by=\"([^\"]+)\"")).signum() > 0);
        assertEquals("DRAFT", sidecar().json("/api/v1/orders/" + number).get("status").asText());
        confirm.put("acceptCreditWarning", "true");
        assertTrue(host().postForm("/erp-insight/order", "admin", confirm).body().contains("data-confirmed=\"true\""));
        assertEquals("CONFIRMED", sidecar().json("/api/v1/orders/" + number).get("status").asText());
    }

    @Test
    public void orderEntryRefusesUsersWithoutPermissionAndBadLines() throws Exception {
        String csrf = group(page("company/c-1001", "admin"), "name=\"csrf\" value=\"([^\"]+)\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("record", "company/c-1001");
        form.put("csrf", csrf);
        form.put("action", "quote");
        form.put("item", "I-1002");
        form.put("quantity", "ten");
        assertEquals(400, host().postForm("/erp-insight/order", "admin", form).statusCode());
        form.put("quantity", "1");
        form.put("item", "NO-SUCH-ITEM");
        assertEquals(422, host().postForm("/erp-insight/order", "admin", form).statusCode());
        assertEquals("the token is the admin's", 403, host().postForm("/erp-insight/order", "guest", form).statusCode());
        assertFalse("a guest sees no order form", page("company/c-1001", "guest").contains("New order with ERP prices"));
    }

    @Test
    public void anUnknownErpNumberIsRefusedAndNothingIsLinked() throws Exception {
        String before = page("company/c-1010", "admin");
        HttpResponse<String> refused = host().postForm("/erp-insight/link", "admin", linkForm(before, "company/c-1010", "99999"));
        assertEquals(refused.body(), 422, refused.statusCode());
        assertTrue(refused.body().contains("ERP_NUMBER_UNKNOWN"));
        HttpResponse<String> malformed = host().postForm("/erp-insight/link", "admin", linkForm(before, "company/c-1010", "1; DROP"));
        assertEquals(malformed.body(), 400, malformed.statusCode());
        assertTrue(page("company/c-1010", "admin").contains("not linked to an ERP customer"));
    }

    @Test
    public void aPostWithoutTheUsersCsrfTokenOrPermissionChangesNothing() throws Exception {
        String before = page("company/c-1011", "admin");
        Map<String, String> forged = linkForm(before, "company/c-1011", "10011");
        forged.put("csrf", "forged");
        assertEquals(403, host().postForm("/erp-insight/link", "admin", forged).statusCode());
        Map<String, String> salesPost = linkForm(before, "company/c-1011", "10011");
        HttpResponse<String> sales = host().postForm("/erp-insight/link", "sales", salesPost);
        assertEquals("the admin's token is not the sales user's", 403, sales.statusCode());
        assertTrue(page("company/c-1011", "admin").contains("not linked to an ERP customer"));
    }

    @Test
    public void aUserWithoutFinancialPermissionSeesNoFigures() throws Exception {
        String html = page("company/c-1001", "guest");
        assertFalse(html.contains("data-figure=\"balance\""));
        assertTrue(html.contains("do not have permission"));
        assertTrue(page("company/c-1001", "sales").contains("data-figure=\"balance\""));
    }

    @Test
    public void theSidecarConnectionIsConfigurableInTheWebConsole() throws Exception {
        HttpResponse<String> console = host().getWithBasicAuth("/system/console/configMgr", "admin", "admin");
        assertEquals(200, console.statusCode());
        assertTrue("the Metatype of the sidecar configuration is listed", console.body().contains("ERP Insight sidecar"));
        assertNotNull(console.body());
    }
}
