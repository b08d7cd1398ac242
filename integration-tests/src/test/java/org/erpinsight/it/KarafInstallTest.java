package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.openmbean.CompositeData;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The install kit in a stock Apache Karaf 4.4, as README tells an admin: the kit unpacked into
 * Karaf's {@code system/}, {@code feature:repo-add} and {@code feature:install}, a sidecar configured
 * in an {@code etc/*.cfg} file. Karaf brings only its standard features; the reference host's bundle
 * stands in for a CRM's host adapter. Then every bundle is active, every component satisfied, every
 * servlet registered under its own name (Pax Web skips unnamed duplicates), and a linked company's
 * page shows the sidecar's figures, over REST and then over SOAP.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class KarafInstallTest {
    @ClassRule
    public static final Sidecar SIDECAR = new Sidecar();
    private static Karaf karaf;
    private static final String VERSION = System.getProperty("erpinsight.version", "1.0.0-SNAPSHOT");

    @BeforeClass
    public static void installIntoStockKaraf() throws Exception {
        Path distribution = Path.of(System.getProperty("karaf.distribution"));
        Path kit = Path.of(System.getProperty("erpinsight.karaf.kit"));
        assertTrue("the Karaf distribution is downloaded by Maven: " + distribution, Files.isRegularFile(distribution));
        assertTrue("the install kit is built first: " + kit, Files.isDirectory(kit));
        karaf = Karaf.unpack(distribution, Path.of(System.getProperty("maven.local.repository")));
        karaf.addToSystemRepository(kit);
        karaf.start();
        karaf.shell("feature:repo-add mvn:org.erpinsight/erp-insight-features/" + VERSION + "/xml/features",
                "feature:install webconsole erp-insight erp-insight-sample-host erp-insight-health");
        karaf.configure("org.erpinsight.crm.gateway.sidecar-erp.cfg", sidecarConfiguration("rest"));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    private static Map<String, String> sidecarConfiguration(String transport) {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("source", "default");
        cfg.put("url", SIDECAR.baseUri().toString());
        cfg.put(".apiKey", Sidecar.KEY);
        cfg.put("transport", transport);
        return cfg;
    }

    @Test
    public void a_everyBundleIsActiveAndEveryComponentSatisfied() throws Exception {
        List<String> notActive = new ArrayList<>();
        for (CompositeData bundle : karaf.rows("bundle", "Bundles")) {
            if (!"Active".equals(bundle.get("State"))) {
                // fragments are Resolved by nature
                String headers = karaf.shell("bundle:headers " + bundle.get("ID"));
                if (!headers.contains("Fragment-Host")) {
                    notActive.add(bundle.get("Symbolic Name") + " " + bundle.get("State"));
                }
            }
        }
        assertEquals("bundles that are not active", List.of(), notActive);
        Set<String> ours = Set.of("org.erpinsight.crm.api", "org.erpinsight.crm.gateway", "org.erpinsight.crm.links",
                "org.erpinsight.crm.web", "org.erpinsight.crm.console", "org.erpinsight.crm.health", "org.erpinsight.crm.reference.host");
        long installed = karaf.rows("bundle", "Bundles").stream().filter(b -> ours.contains(b.get("Symbolic Name"))).count();
        assertEquals("the features installed the plugin's bundles", ours.size(), installed);

        Map<String, String> components = new TreeMap<>();
        for (CompositeData c : karaf.rows("scr", "ComponentConfigs")) {
            if (String.valueOf(c.get("Name")).startsWith("org.erpinsight")) {
                components.put(String.valueOf(c.get("Name")), String.valueOf(c.get("State")));
            }
        }
        assertTrue("the gateway, link store, tabs and servlets are there: " + components,
                components.keySet().containsAll(Set.of("org.erpinsight.crm.gateway.SidecarGateway",
                        "org.erpinsight.crm.gateway.SidecarConnection", "org.erpinsight.crm.links.DerbyLinkStore",
                        "org.erpinsight.crm.web.overview.FinancialOverviewTab", "org.erpinsight.crm.web.links.LinkServlet")));
        components.forEach((name, state) -> assertTrue(name + " is " + state,
                // Karaf spells Satisfied "Statisfied"; a delayed component nobody has asked for yet is satisfied
                state.equals("Active") || state.startsWith("Sta") || state.equals("Satisfied")));
    }

    @Test
    public void b_everyServletIsRegisteredUnderItsOwnName() throws Exception {
        Map<String, String> servlets = new TreeMap<>();
        for (CompositeData s : karaf.rows("http", "Servlets")) {
            servlets.put(String.valueOf(s.get("Servlet Name")), String.valueOf(s.get("URL")));
        }
        Map<String, String> expected = Map.of(
                "erp-insight-invoice-document", "[/erp-insight/invoice-document]",
                "erp-insight-invoices", "[/erp-insight/invoices]",
                "erp-insight-order-entry", "[/erp-insight/order]",
                "erp-insight-links", "[/erp-insight/link]",
                "reference-host-record-pages", "[/crm/*]");
        expected.forEach((name, url) -> assertEquals(name + " in " + servlets, url, servlets.get(name)));
        assertTrue(karaf.logTail(), !Files.readString(karaf.home.resolve("data/log/karaf.log")).contains("Skipped registration"));
    }

    @Test
    public void c_aLinkedCompanyShowsTheSidecarsFiguresOverRest() throws Exception {
        assertFiguresOfCustomer("c-1001", "10001");
        String links = karaf.get("/erp-insight/link").body();
        assertTrue("the link servlet answers (not the host's 404): " + links, !links.contains("HTTP ERROR 404"));
    }

    @Test
    public void d_theSoapFeatureSwitchesTheTransport() throws Exception {
        karaf.shell("feature:install erp-insight-soap");
        long before = soapCalls("listInvoices");
        karaf.configure("org.erpinsight.crm.gateway.sidecar-erp.cfg", sidecarConfiguration("soap"));
        // the new configuration arrives through file install and Configuration Admin; the Invoices tab
        // asks the sidecar on every view, so its calls show when the transport has changed
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (soapCalls("listInvoices") == before && System.nanoTime() < deadline) {
            karaf.get("/crm/company/c-1003");
            Thread.sleep(500);
        }
        assertTrue("the Invoices tab's calls came over SOAP\n" + karaf.logTail(), soapCalls("listInvoices") > before);
        assertFiguresOfCustomer("c-1002", "10002");
        assertTrue("the overview came over SOAP", soapCalls("getCustomerOverview") > 0);
    }

    @Test
    public void e_theWebConsoleShowsTheSidecarAndTestsItsConnection() throws Exception {
        HttpResponse<String> answer = karaf.getAsAdmin("/system/console/erp-insight.json?test=default");
        assertEquals(answer.body(), 200, answer.statusCode());
        JsonNode sidecar = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).at("/sidecars/0");
        assertEquals("default", sidecar.get("source").asText());
        assertEquals("soap", sidecar.get("transport").asText());
        assertTrue(sidecar.toString(), sidecar.at("/lastTest/ok").asBoolean());
        assertTrue(sidecar.toString(), sidecar.toString().contains("SOAP answers"));
        assertTrue(karaf.getAsAdmin("/system/console/erp-insight").body().contains("Test connection"));
    }

    @Test
    public void f_aHealthCheckPerSidecarIsInJmx() throws Exception {
        java.util.Set<javax.management.ObjectName> names = Set.of();
        for (int i = 0; i < 40 && names.isEmpty(); i++) {
            names = karaf.names("org.apache.felix.healthcheck:type=HealthCheck,*");
            names = names.stream().filter(n -> n.toString().contains("erpinsight-sidecar-default")).collect(java.util.stream.Collectors.toSet());
            Thread.sleep(250);
        }
        StringBuilder hc = new StringBuilder();
        for (CompositeData c : karaf.rows("scr", "ComponentConfigs")) {
            if (String.valueOf(c.get("Name")).contains(".hc.") || String.valueOf(c.get("Name")).contains("crm.health")) {
                hc.append(c.get("Name")).append('=').append(c.get("State")).append(' ');
            }
        }
        assertEquals("one health check MBean for sidecar default among " + karaf.names("org.apache.felix.healthcheck:*") + "; " + hc,
                1, names.size());
        String name = names.iterator().next().toString();
        assertEquals("the health check of sidecar default: " + karaf.attribute(name, "status") + " " + karaf.attribute(name, "log"),
                Boolean.TRUE, karaf.attribute(name, "ok"));
    }

    private static long soapCalls(String operation) throws Exception {
        String metrics = SIDECAR.metrics();
        Matcher m = Pattern.compile("erp_sidecar_requests_total\\{transport=\"soap\",operation=\"" + operation + "\",status=\"200\"} (\\d+)")
                .matcher(metrics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static void assertFiguresOfCustomer(String record, String customer) throws Exception {
        JsonNode overview = SIDECAR.json("/api/v1/customers/" + customer + "/overview");
        String html = "";
        // the configuration reaches the gateway through file install and Configuration Admin: give it time
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> page = karaf.get("/crm/company/" + record);
            html = page.body();
            if (page.statusCode() == 200 && html.contains("data-figure=\"balance\"")) {
                break;
            }
            Thread.sleep(500);
        }
        Matcher balance = Pattern.compile("data-figure=\"balance\" data-amount=\"([^\"]*)\"").matcher(html);
        if (!balance.find()) {
            fail("the page shows no balance:\n" + html + "\n" + karaf.logTail());
        }
        assertEquals("balance of " + customer + ": " + overview + " / " + balance.group(0), 0, new java.math.BigDecimal(overview.get("balance").asText()).compareTo(new java.math.BigDecimal(balance.group(1))));
        Matcher overdue = Pattern.compile("data-figure=\"overdueAmount\" data-amount=\"([^\"]*)\"").matcher(html);
        assertTrue(overdue.find());
        assertEquals("overdue of " + customer + ": " + overview + " / " + overdue.group(0), 0,
                new java.math.BigDecimal(overview.get("overdueAmount").asText()).compareTo(new java.math.BigDecimal(overdue.group(1))));
    }
}
