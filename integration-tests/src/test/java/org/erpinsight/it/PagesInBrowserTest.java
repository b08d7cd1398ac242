package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.sun.net.httpserver.HttpServer;

/**
 * The record page as a user sees it in Debian's Chromium: the figures equal the sidecar's, one tab
 * at a time with the URL keeping which, a company named like a script shown as text, an embedded
 * tab in an iframe of another origin, and the stale banner once the sidecar is gone.
 * Skipped, loudly, where Chromium or chromedriver is missing.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PagesInBrowserTest {
    private static final Sidecar SIDECAR = new Sidecar();
    private static final ReferenceHost HOST = new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest", "data-figure=\"balance\"",
            "erpinsight.gateway.freshSeconds=0");
    private static final String SECRET = "browser-test-0123456789abcdefghijklmnop";
    private static WebDriver browser;
    private static HttpServer otherOrigin;

    @ClassRule
    public static final RuleChain RUNNING = RuleChain.outerRule(SIDECAR).around(HOST);

    @BeforeClass
    public static void browser() throws Exception {
        browser = Chromium.start();
        browser.get(HOST.uri("/crm/").toString());
        browser.manage().addCookie(new Cookie("crm-user", "admin"));
    }

    @AfterClass
    public static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (otherOrigin != null) {
            otherOrigin.stop(0);
        }
    }

    private static WebElement visibleTab() {
        List<WebElement> shown = browser.findElements(By.cssSelector("section.tab")).stream().filter(WebElement::isDisplayed).toList();
        assertEquals("one tab at a time", 1, shown.size());
        return shown.get(0);
    }

    @Test
    public void a_oneTabAtATimeTheUrlKeepsWhichAndTheFiguresAreTheSidecars() throws Exception {
        browser.get(HOST.uri("/crm/company/c-1001").toString());
        assertEquals("tab-financial-overview", visibleTab().getAttribute("id"));
        String balance = SIDECAR.json("/api/v1/customers/10001/overview").get("balance").asText();
        assertEquals(balance, browser.findElement(By.cssSelector("[data-figure=balance]")).getAttribute("data-amount"));
        assertTrue("the chart has an axis", browser.findElements(By.cssSelector("svg text.erp-axis")).size() == 3);

        browser.findElement(By.linkText("Invoices")).click();
        assertEquals("tab-invoices", visibleTab().getAttribute("id"));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("#tab-invoices"));
        browser.navigate().refresh();
        assertEquals("a reload keeps the tab", "tab-invoices", visibleTab().getAttribute("id"));
        browser.navigate().back();
        assertEquals("back goes to the tab before", "tab-financial-overview", visibleTab().getAttribute("id"));
    }

    @Test
    public void a2_invoicesAreFilteredFromTheInvoicesTab() throws Exception {
        browser.get(HOST.uri("/crm/company/c-1001#tab-invoices").toString());
        browser.findElement(By.cssSelector("#tab-invoices nav.erp-invoice-filters")).findElement(By.cssSelector("a[data-filter=OVERDUE]")).click();
        assertEquals("OVERDUE", browser.findElement(By.cssSelector("b[data-filter]")).getAttribute("data-filter"));
        List<String> shown = browser.findElements(By.cssSelector("tr[data-invoice]")).stream().map(r -> r.getAttribute("data-invoice")).toList();
        List<String> expected = new java.util.ArrayList<>();
        SIDECAR.json("/api/v1/customers/10001/invoices?status=OVERDUE&limit=25").get("invoices")
                .forEach(i -> expected.add(i.get("number").asText()));
        assertFalse("the customer has overdue invoices", expected.isEmpty());
        assertEquals("the overdue invoices, as the sidecar lists them", expected, shown);
        browser.findElements(By.cssSelector("tr[data-invoice]")).forEach(r -> assertEquals("OVERDUE", r.getAttribute("data-status")));
    }

    @Test
    public void b_aCompanyNamedLikeAScriptIsShownAsText() {
        browser.get(HOST.uri("/crm/company/c-1012").toString());
        assertEquals("<script>alert(1)</script> & \"Quotes\" ApS", browser.findElement(By.tagName("h1")).getText());
        try {
            browser.switchTo().alert();
            throw new AssertionError("the name ran as a script");
        } catch (NoAlertPresentException expected) {
            // shown, not run
        }
    }

    @Test
    public void c_anEmbeddedTabShowsInAnIframeOfAnotherOrigin() throws Exception {
        otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String origin = "http://127.0.0.1:" + otherOrigin.getAddress().getPort();
        EmbeddedTabTestKeys.configure(HOST, origin, "k1=" + SECRET);
        long exp = Instant.now().getEpochSecond() + 300;
        String canonical = String.join("\n", "financial-overview", "company/c-1001", "u-7", "Grace", "VIEW_FINANCIALS", Long.toString(exp));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        String src = HOST.uri("/erp-insight/embed").toString() + "?tab=financial-overview&record=company/c-1001&user=u-7&name=Grace"
                + "&perms=VIEW_FINANCIALS&exp=" + exp + "&kid=k1&sig=" + sig;
        byte[] panel = ("<!DOCTYPE html><html><body><h1>Another CRM</h1><iframe id=\"erp\" width=\"800\" height=\"600\" src=\""
                + src.replace("&", "&amp;") + "\"></iframe></body></html>").getBytes(StandardCharsets.UTF_8);
        otherOrigin.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, panel.length);
            exchange.getResponseBody().write(panel);
            exchange.close();
        });
        otherOrigin.start();
        browser.get(origin + "/");
        browser.switchTo().frame("erp");
        try {
            String balance = SIDECAR.json("/api/v1/customers/10001/overview").get("balance").asText();
            assertEquals(balance, browser.findElement(By.cssSelector("[data-figure=balance]")).getAttribute("data-amount"));
            assertEquals("true", browser.findElement(By.tagName("body")).getAttribute("data-embedded"));
        } finally {
            browser.switchTo().defaultContent();
        }
        // the same panel served from an origin the configuration does not name: the browser refuses the frame
        HttpServer stranger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stranger.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, panel.length);
            exchange.getResponseBody().write(panel);
            exchange.close();
        });
        stranger.start();
        try {
            browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER); // what came before
            browser.get("http://127.0.0.1:" + stranger.getAddress().getPort() + "/");
            StringBuilder console = new StringBuilder();
            Chromium.waitFor("the browser's refusal of the frame", () -> {
                browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                        .forEach(entry -> console.append(entry.getMessage()).append('\n'));
                return console.toString().contains("frame-ancestors");
            });
            System.out.println("A frame for an origin not allowed: " + console.toString().strip());
            assertTrue(console.toString(), console.toString().contains("violates the following Content Security Policy directive: \"frame-ancestors " + origin + "\"")
                    && console.toString().contains("blocked"));
        } finally {
            stranger.stop(0);
        }
    }

    @Test
    public void c2_aDryRunImportFromTheLinkManagerReportsEveryRowInThePage() throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("links", ".csv");
        java.nio.file.Files.writeString(csv, "RecordType,RecordId,Kind,ErpNumber\r\ncompany,c-1004,CUSTOMER,10004\r\n"
                + "company,c-9999,CUSTOMER,10007\r\n");
        browser.get(HOST.uri("/erp-insight/link-manager").toString());
        browser.findElement(By.id("erp-import-file")).sendKeys(csv.toString());
        browser.findElement(By.id("erp-import-go")).click();
        Chromium.waitFor("the import's report", () -> browser.findElements(By.cssSelector("#erp-import-rows tr")).size() == 2);
        List<WebElement> rows = browser.findElements(By.cssSelector("#erp-import-rows tr"));
        assertEquals("WOULD_LINK", rows.get(0).getAttribute("data-outcome"));
        assertEquals("REFUSED", rows.get(1).getAttribute("data-outcome"));
        assertTrue(rows.get(1).getText(), rows.get(1).getText().contains("UNKNOWN_RECORD"));
        assertTrue("a dry run links nothing", HOST.get("/erp-insight/links.csv?kind=CUSTOMER", "admin").body().indexOf("\"c-1004\"") < 0);
    }

    @Test
    public void d_withTheSidecarGoneThePageSaysSoAndShowsTheLastFigures() throws Exception {
        browser.get(HOST.uri("/crm/company/c-1001").toString());
        assertTrue(browser.findElements(By.cssSelector("[data-figure=balance]")).size() > 0);
        SIDECAR.stop();
        browser.navigate().refresh();
        WebElement banner = browser.findElement(By.cssSelector("#tab-financial-overview .erp-banner-error"));
        assertTrue(banner.getText(), banner.isDisplayed() && banner.getText().contains("ERP unreachable"));
        assertTrue(banner.getText().contains("last known figures"));
        assertFalse(browser.findElements(By.cssSelector("#tab-financial-overview [data-stale=true] [data-figure=balance]")).isEmpty());
    }
}
