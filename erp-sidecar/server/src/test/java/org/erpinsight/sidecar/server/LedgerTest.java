package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.junit.ClassRule;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Invoices, invoice documents, supplier and project overviews over REST on the reference ERP. */
public class LedgerTest {
    @ClassRule
    public static final RunningSidecar SIDECAR = new RunningSidecar();

    @Test
    public void invoiceFiltersPartitionTheCustomersInvoices() throws Exception {
        int all = SIDECAR.json("/api/v1/customers/10006/invoices?limit=500").get("total").asInt();
        int sum = 0;
        for (String status : new String[] {"OPEN", "OVERDUE", "PAID"}) {
            JsonNode page = SIDECAR.json("/api/v1/customers/10006/invoices?status=" + status + "&limit=500");
            sum += page.get("total").asInt();
            for (JsonNode invoice : page.get("invoices")) {
                assertEquals(status, invoice.get("status").asText());
                BigDecimal open = new BigDecimal(invoice.get("openAmount").asText());
                assertEquals(new BigDecimal(invoice.get("amount").asText()).subtract(new BigDecimal(invoice.get("paidAmount").asText())), open);
                if (status.equals("OVERDUE")) {
                    assertTrue(LocalDate.parse(invoice.get("dueDate").asText()).isBefore(LocalDate.now()));
                }
            }
        }
        assertEquals(all, sum);
        BigDecimal overdueSum = BigDecimal.ZERO;
        for (JsonNode invoice : SIDECAR.json("/api/v1/customers/10006/invoices?status=overdue&limit=500").get("invoices")) {
            overdueSum = overdueSum.add(new BigDecimal(invoice.get("openAmount").asText()));
        }
        assertEquals("the list agrees with the overview", new BigDecimal(SIDECAR.json("/api/v1/customers/10006/overview")
                .get("overdueAmount").asText()), overdueSum);
        JsonNode first = SIDECAR.json("/api/v1/customers/10006/invoices?limit=2");
        JsonNode second = SIDECAR.json("/api/v1/customers/10006/invoices?offset=2&limit=2");
        assertTrue("newest first, pages do not overlap",
                first.at("/invoices/1/invoiceDate").asText().compareTo(second.at("/invoices/0/invoiceDate").asText()) >= 0);
        assertEquals("CUSTOMER_NOT_FOUND", SIDECAR.jsonOf(SIDECAR.get("/api/v1/customers/99999/invoices"), 404).get("code").asText());
        assertEquals(400, SIDECAR.get("/api/v1/customers/10006/invoices?status=late").statusCode());
    }

    @Test
    public void anInvoiceDocumentIsAPdf() throws Exception {
        String number = SIDECAR.json("/api/v1/customers/10001/invoices?limit=1").at("/invoices/0/number").asText();
        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                SIDECAR.uri("/api/v1/invoices/" + number + "/document")).header("X-API-Key", RunningSidecar.KEY).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String raw = new String(pdf.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(raw.startsWith("%PDF-"));
        assertTrue(raw.trim().endsWith("%%EOF"));
        if (org.erpinsight.sidecar.documents.Poppler.installed()) {
            // poppler, not our code, reads it: the structure is sound and the text is there
            assertTrue(org.erpinsight.sidecar.documents.Poppler.pages(pdf.body()) >= 1);
            String text = org.erpinsight.sidecar.documents.Poppler.text(pdf.body());
            assertTrue(text, text.contains("Invoice " + number) && text.contains("Andersen Byg A/S"));
        }
        assertEquals("INVOICE_NOT_FOUND", SIDECAR.jsonOf(SIDECAR.get("/api/v1/invoices/INV-0/document"), 404).get("code").asText());
    }

    @Test
    public void projectFiguresAddUp() throws Exception {
        JsonNode projects = SIDECAR.json("/api/v1/customers/10001/projects").get("projects");
        assertTrue(projects.size() > 0);
        JsonNode p = SIDECAR.json("/api/v1/projects/" + projects.at("/0/number").asText() + "/overview");
        BigDecimal cost = dec(p, "hoursCost").add(dec(p, "travelExpenses")).add(dec(p, "otherExpenses"));
        assertEquals(dec(p, "invoiced").add(dec(p, "notInvoiced")).subtract(cost), dec(p, "margin"));
        assertTrue(dec(p, "hours").signum() > 0);
        assertTrue(dec(p, "travelExpenses").add(dec(p, "otherExpenses")).signum() > 0);
        assertEquals("PROJECT_NOT_FOUND", SIDECAR.jsonOf(SIDECAR.get("/api/v1/projects/P-1/overview"), 404).get("code").asText());
    }

    @Test
    public void supplierOverviewAndItems() throws Exception {
        JsonNode s = SIDECAR.json("/api/v1/suppliers/70001/overview");
        assertEquals("70001", s.get("supplierNumber").asText());
        assertTrue(dec(s, "purchasesThisYear").add(dec(s, "purchasesLastYear")).signum() > 0);
        assertEquals("SUPPLIER_NOT_FOUND", SIDECAR.jsonOf(SIDECAR.get("/api/v1/suppliers/99/overview"), 404).get("code").asText());
        JsonNode items = SIDECAR.json("/api/v1/items?text=pump").get("items");
        assertTrue(items.size() >= 1);
        for (JsonNode item : items) {
            assertTrue(item.get("name").asText().toLowerCase().contains("pump"));
        }
    }

    private static BigDecimal dec(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }
}
