package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CSV import of links end to end: a dry run reports every row and changes nothing; the import links
 * the rows that pass and says why each other row was refused (malformed, twice in the file, unknown
 * record, number the ERP does not know, conflicts with links that exist); permission and CSRF token
 * checked; a file without the columns refused whole; the audit log exported as CSV says who imported what.
 */
public class LinkImportTest {
    private static final Sidecar SIDECAR = new Sidecar();
    private static final ReferenceHost HOST = new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest");

    @ClassRule
    public static final RuleChain RUNNING = RuleChain.outerRule(SIDECAR).around(HOST);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The export's columns, a BOM, a name with a comma, quotes and a line break: what Commons CSV must read. */
    private static final String CSV = "\uFEFFRecordType,RecordId,RecordName,Source,Kind,ErpNumber\r\n"
            + "company,c-1005,\"Mueller, \"\"the\"\"\nMaschinenbau\",default,CUSTOMER,10005\r\n"
            + "company,c-1001,Andersen Byg A/S,default,CUSTOMER,10001\r\n"
            + "company,c-1002,Bergström,default,CUSTOMER,10010\r\n"
            + "company,c-1010,Nimbus,default,CUSTOMER,10003\r\n"
            + "company,c-9999,Nobody,default,CUSTOMER,10007\r\n"
            + "company,c-1007,Brightwater,default,CUSTOMER,99999\r\n"
            + "company,c-1008,Aeroe,default,BOGUS,10008\r\n"
            + "company,c-1004,Virtanen,,CUSTOMER,10004\r\n"
            + "company,c-1004,Virtanen again,default,CUSTOMER,10004\r\n";

    private static HttpResponse<String> upload(String user, String token, String query, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(HOST.uri("/erp-insight/link-manager/import" + query)).header("Cookie", "crm-user=" + user)
                .header("Content-Type", "text/csv; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-CSRF-Token", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<Long, JsonNode> byLine(JsonNode report) {
        Map<Long, JsonNode> rows = new HashMap<>();
        report.get("report").forEach(r -> rows.put(r.get("row").asLong(), r));
        return rows;
    }

    @Test
    public void aDryRunThenTheImportReportEveryRow() throws Exception {
        String token = JSON.readTree(HOST.get("/erp-insight/link-manager/suggestions", "admin").body()).get("csrf").asText();
        assertEquals("who may not manage links", 403, upload("sales", token, "?dryRun=true", CSV).statusCode());
        assertEquals("no token", 403, upload("admin", null, "?dryRun=true", CSV).statusCode());
        HttpResponse<String> columns = upload("admin", token, "", "Name,Number\r\nx,1\r\n");
        assertEquals(columns.body(), 400, columns.statusCode());

        HttpResponse<String> dry = upload("admin", token, "?dryRun=true", CSV);
        assertEquals(dry.body(), 200, dry.statusCode());
        JsonNode report = JSON.readTree(dry.body());
        assertEquals(9, report.get("rows").asInt());
        Map<Long, JsonNode> rows = byLine(report);
        // rows count the header as row 1; the quoted name with its line break is one row
        assertEquals("WOULD_LINK", rows.get(2L).get("outcome").asText());
        assertEquals("UNCHANGED", rows.get(3L).get("outcome").asText());
        assertEquals("CONFLICT", rows.get(4L).get("code").asText());
        assertTrue(rows.get(4L).get("message").asText().contains("10002"));
        assertEquals("CONFLICT", rows.get(5L).get("code").asText());
        assertEquals("UNKNOWN_RECORD", rows.get(6L).get("code").asText());
        assertEquals("UNKNOWN_ERP_NUMBER", rows.get(7L).get("code").asText());
        assertEquals("MALFORMED", rows.get(8L).get("code").asText());
        assertEquals("the configured source when the row has none", "WOULD_LINK", rows.get(9L).get("outcome").asText());
        assertEquals("DUPLICATE_IN_FILE", rows.get(10L).get("code").asText());
        assertEquals(2, report.get("linked").asInt());
        assertEquals(6, report.get("refused").asInt());
        String before = HOST.get("/erp-insight/links.csv?kind=CUSTOMER", "admin").body();
        assertFalse("a dry run changes nothing", before.contains("\"c-1004\"") || before.contains("\"c-1005\""));

        JsonNode applied = JSON.readTree(upload("admin", token, "", CSV).body());
        assertEquals(2, applied.get("linked").asInt());
        assertEquals("LINKED", byLine(applied).get(2L).get("outcome").asText());
        String after = HOST.get("/erp-insight/links.csv?kind=CUSTOMER", "admin").body();
        assertTrue(after.contains("\"company\",\"c-1004\",\"Virtanen Tekniikka Oy\",\"default\",\"CUSTOMER\",\"10004\""));
        assertTrue(after.contains("\"c-1005\"") && after.contains("\"10005\""));
        assertTrue("the refused rows changed nothing", after.contains("\"c-1002\",\"Bergström Logistik AB\",\"default\",\"CUSTOMER\",\"10002\"")
                && !after.contains("\"c-1010\""));
        // the audit log exported: who imported what, from where
        assertEquals("the audit log is for who manages links", 403, HOST.get("/erp-insight/link-manager/audit.csv", "sales").statusCode());
        String audit = HOST.get("/erp-insight/link-manager/audit.csv", "admin").body();
        List<CSVRecord> changes = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(audit.substring(1))).getRecords();
        List<CSVRecord> imported = changes.stream().filter(c -> c.get("Origin").equals("IMPORT")).toList();
        assertEquals(2, imported.size());
        for (CSVRecord c : imported) {
            assertEquals("admin", c.get("Actor"));
            assertEquals("LINKED", c.get("Action"));
            assertEquals("", c.get("Before"));
            assertTrue(c.get("Reason"), c.get("Reason").startsWith("imported from CSV, row "));
        }
        assertTrue("the sample links are there too, as the host made them",
                changes.stream().anyMatch(c -> c.get("RecordId").equals("c-1001") && c.get("After").equals("10001")));

        JsonNode again = JSON.readTree(upload("admin", token, "", CSV).body());
        assertEquals("importing twice links nothing twice", 0, again.get("linked").asInt());
        assertEquals("UNCHANGED", byLine(again).get(9L).get("outcome").asText());
    }
}
