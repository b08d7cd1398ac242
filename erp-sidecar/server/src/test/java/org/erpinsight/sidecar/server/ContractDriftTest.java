package org.erpinsight.sidecar.server;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.erpinsight.sidecar.server.rest.RestResources;
import org.junit.ClassRule;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;

/**
 * The served contract must be the checked-in one: the OpenAPI document and WSDL/XSD the
 * sidecar serves equal the files in erp-sidecar/contract, every documented REST operation is
 * implemented and nothing undocumented is, and real answers match the documented schemas.
 */
public class ContractDriftTest {
    @ClassRule
    public static final RunningSidecar SIDECAR = new RunningSidecar();

    private static final Path CONTRACT = Path.of("../contract/src/main/resources/contract");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode checkedInOpenApi() throws Exception {
        return JSON.readTree(Files.readString(CONTRACT.resolve("openapi.json")));
    }

    @Test
    public void servedOpenApiDocumentIsTheCheckedInOne() throws Exception {
        HttpResponse<String> served = SIDECAR.get("/api/v1/openapi.json", null);
        assertEquals("the document is public", 200, served.statusCode());
        List<String> differences = differences(checkedInOpenApi(), JSON.readTree(served.body()), "", new java.util.ArrayList<>());
        assertTrue("the served document differs at " + differences, differences.isEmpty());
    }

    @Test
    public void theBrowsableApiPageShowsEveryOperationAndSchema() throws Exception {
        HttpResponse<String> page = SIDECAR.get("/api/v1/docs", null);
        assertEquals("the page is public", 200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        JsonNode doc = checkedInOpenApi();
        for (JsonNode path : doc.get("paths")) {
            for (JsonNode operation : path) {
                assertTrue(operation.get("operationId").asText(),
                        page.body().contains("id=\"" + operation.get("operationId").asText() + "\""));
            }
        }
        doc.at("/components/schemas").fieldNames().forEachRemaining(name ->
                assertTrue(name, page.body().contains("<h3>" + name + "</h3>")));
    }

    @Test
    public void theRestResourceImplementsExactlyTheDocumentedOperations() throws Exception {
        Set<String> documented = new TreeSet<>();
        JsonNode paths = checkedInOpenApi().get("paths");
        for (Iterator<String> p = paths.fieldNames(); p.hasNext(); ) {
            String path = p.next();
            for (Iterator<String> m = paths.get(path).fieldNames(); m.hasNext(); ) {
                documented.add(m.next().toUpperCase() + " " + path);
            }
        }
        Set<String> implemented = new TreeSet<>();
        for (Class<?> resource : RestResources.operationClasses()) for (Method method : resource.getMethods()) {
            jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
            String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                    : method.isAnnotationPresent(jakarta.ws.rs.PUT.class) ? "PUT" : null;
            if (path != null && verb != null) {
                implemented.add(verb + " /" + path.value());
            }
        }
        assertEquals(documented, implemented);
    }

    @Test
    public void answersMatchTheDocumentedSchemas() throws Exception {
        OpenApiSchemas schemas = new OpenApiSchemas(checkedInOpenApi());
        assertNoViolations(schemas.violations(SIDECAR.json("/api/v1/ping"), "Pong"));
        assertNoViolations(schemas.violations(SIDECAR.json("/api/v1/customers/10001"), "Party"));
        assertNoViolations(schemas.violations(SIDECAR.json("/api/v1/customers/10006/overview"), "CustomerOverview"));
        assertNoViolations(schemas.violations(SIDECAR.json("/api/v1/customers?vatNumber=DK12345678"), "CustomerSearchResult"));
        assertNoViolations(schemas.violations(SIDECAR.json("/api/v1/parties?kind=SUPPLIER&limit=5"), "PartyPage"));
        assertNoViolations(schemas.violations(SIDECAR.json("/api/v1/suppliers/70002"), "Party"));
        assertNoViolations(schemas.violations(SIDECAR.json("/api/v1/suppliers/70002/overview"), "SupplierOverview"));
        assertNoViolations(schemas.violations(SIDECAR.json("/api/v1/customers/10006/invoices?status=OVERDUE"), "InvoicePage"));
        assertNoViolations(schemas.violations(SIDECAR.json("/api/v1/customers/10001/orders"), "OrderPage"));
        assertNoViolations(schemas.violations(SIDECAR.json("/api/v1/customers/10001/projects"), "ProjectList"));
        assertNoViolations(schemas.violations(SIDECAR.json("/api/v1/projects/P-2001/overview"), "ProjectOverview"));
        assertNoViolations(schemas.violations(SIDECAR.json("/api/v1/items?text=a"), "ItemList"));
        String lines = "\"lines\":[{\"itemNumber\":\"I-1002\",\"quantity\":\"3\"}]";
        assertNoViolations(schemas.violations(SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/price-quotes",
                "{\"customerNumber\":\"10001\"," + lines + "}", null), 200), "PriceQuote"));
        JsonNode order = SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/orders", "{\"customerNumber\":\"10006\"," + lines + "}",
                "drift-test-order-1"), 201);
        assertNoViolations(schemas.violations(order, "Order"));
        assertNoViolations(schemas.violations(SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/orders/" + order.get("number").asText()
                + "/confirm", "{}", null), 200), "OrderConfirmation"));
        assertNoViolations(schemas.violations(SIDECAR.jsonOf(SIDECAR.send("POST", "/api/v1/customers", "{\"name\":\"Drift A/S\"}",
                "drift-test-party-1"), 201), "Party"));
        HttpResponse<String> notFound = SIDECAR.get("/api/v1/customers/99999/overview");
        assertEquals(404, notFound.statusCode());
        assertNoViolations(schemas.violations(JSON.readTree(notFound.body()), "Problem"));
    }

    @Test
    public void theValidatorCatchesDrift() throws Exception {
        OpenApiSchemas schemas = new OpenApiSchemas(checkedInOpenApi());
        JsonNode drifted = JSON.readTree("{\"number\":\"1\",\"kind\":\"CUSTOMER\",\"name\":\"x\",\"currency\":\"DKK\","
                + "\"blocked\":false,\"extra\":1}");
        assertEquals(List.of("$: undeclared property extra"), schemas.violations(drifted, "Party"));
        JsonNode floatAmount = JSON.readTree("{\"month\":\"2026-01\",\"amount\":12.5}");
        assertEquals(1, schemas.violations(floatAmount, "MonthlyRevenue").size());
    }

    @Test
    public void servedWsdlAndSchemaAreTheCheckedInOnes() throws Exception {
        HttpResponse<String> wsdl = SIDECAR.get("/soap/erp?wsdl", null);
        assertEquals("the WSDL is public", 200, wsdl.statusCode());
        Document served = parse(wsdl.body());
        Document checkedIn = parse(Files.readString(CONTRACT.resolve("erp-insight-v1.wsdl")));
        // CXF rewrites where things live (the port address, the schema's location); the rest must be equal
        String schemaLocation = attributeOfFirst(served, "import", "schemaLocation");
        assertTrue(schemaLocation, schemaLocation.contains("/soap/erp?xsd="));
        clearAttributes(served, "address", "location");
        clearAttributes(checkedIn, "address", "location");
        clearAttributes(served, "import", "schemaLocation");
        clearAttributes(checkedIn, "import", "schemaLocation");
        // WSDL4J writes the definitions back in its own order, which carries no meaning in a WSDL
        assertEquals(canonical(checkedIn, true), canonical(served, true));

        String xsdPath = schemaLocation.substring(schemaLocation.indexOf("/soap/"));
        HttpResponse<String> xsd = SIDECAR.get(xsdPath, null);
        assertEquals(200, xsd.statusCode());
        // in a schema, order is meaning (xs:sequence): compare in order
        assertEquals(canonical(parse(Files.readString(CONTRACT.resolve("erp-insight-v1.xsd"))), false),
                canonical(parse(xsd.body()), false));
    }

    /** JSON pointers where two documents differ, at most ten. */
    private static List<String> differences(JsonNode expected, JsonNode actual, String at, List<String> found) {
        if (found.size() >= 10 || expected.equals(actual)) {
            return found;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                differences(expected.path(name), actual.path(name), at + "/" + name, found);
            }
        } else {
            found.add(at.isEmpty() ? "/" : at);
        }
        return found;
    }

    private static void assertNoViolations(List<String> violations) {
        assertTrue(String.join("\n", violations), violations.isEmpty());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setIgnoringComments(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String attributeOfFirst(Document doc, String localName, String attribute) {
        return ((Element) doc.getElementsByTagNameNS("*", localName).item(0)).getAttribute(attribute);
    }

    private static void clearAttributes(Document doc, String localName, String attribute) {
        NodeList nodes = doc.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            ((Element) nodes.item(i)).removeAttribute(attribute);
        }
    }

    /** Elements (namespace URI + local name), their attributes and text, independent of prefixes and layout. */
    private static String canonical(Node node, boolean ignoreOrder) {
        StringBuilder out = new StringBuilder();
        canonical(node instanceof Document d ? d.getDocumentElement() : node, out, 0, ignoreOrder);
        return out.toString();
    }

    private static void canonical(Node node, StringBuilder out, int depth, boolean ignoreOrder) {
        if (node.getNodeType() == Node.TEXT_NODE) {
            String text = node.getTextContent().strip();
            if (!text.isEmpty()) {
                out.append("  ".repeat(depth)).append('"').append(text).append("\"\n");
            }
            return;
        }
        if (node.getNodeType() != Node.ELEMENT_NODE) {
            return;
        }
        Element e = (Element) node;
        Set<String> attributes = new TreeSet<>();
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                // QName values such as tns:Party depend on prefixes: compare their local part
                String value = a.getNodeValue();
                attributes.add(a.getLocalName() + "=" + value.substring(value.indexOf(':') + 1));
            }
        }
        out.append("  ".repeat(depth)).append('{').append(e.getNamespaceURI()).append('}').append(e.getLocalName())
                .append(' ').append(attributes).append('\n');
        List<String> children = new java.util.ArrayList<>();
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            StringBuilder childText = new StringBuilder();
            canonical(child, childText, depth + 1, ignoreOrder);
            children.add(childText.toString());
        }
        if (ignoreOrder) {
            java.util.Collections.sort(children);
        }
        children.forEach(out::append);
    }
}
