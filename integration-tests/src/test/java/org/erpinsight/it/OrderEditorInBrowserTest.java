package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The draft editor's script in a real browser (Debian's Chromium, driven by chromedriver): as a
 * quantity changes the ERP's price for it appears without saving, and the draft in the ERP keeps
 * its line until the user saves. Skipped, loudly, where Chromium or chromedriver is missing.
 */
public class OrderEditorInBrowserTest {
    private static final Sidecar SIDECAR = new Sidecar();
    private static final ReferenceHost HOST = new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest");
    private static WebDriver browser;

    @ClassRule
    public static final RuleChain RUNNING = RuleChain.outerRule(SIDECAR).around(HOST);

    @BeforeClass
    public static void browser() throws Exception {
        browser = Chromium.start();
    }

    @AfterClass
    public static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    public void theEditorAsksTheErpForPricesAsAQuantityChangesWithoutSaving() throws Exception {
        browser.get(HOST.uri("/crm/").toString());
        browser.manage().addCookie(new Cookie("crm-user", "admin"));
        // one tab shows at a time: the URL names the Orders tab
        browser.get(HOST.uri("/crm/company/c-1001#tab-orders").toString());
        browser.findElement(By.cssSelector("details.erp-order-entry summary")).click();
        browser.findElements(By.cssSelector("details.erp-order-entry input[name=item]")).get(0).sendKeys("I-1002");
        browser.findElements(By.cssSelector("details.erp-order-entry input[name=quantity]")).get(0).sendKeys("1");
        browser.findElement(By.cssSelector("details.erp-order-entry button[type=submit]")).click();
        browser.findElement(By.xpath("//button[contains(., 'Create the draft order in the ERP')]")).click();
        String number = browser.findElement(By.cssSelector("h1[data-order-number]")).getAttribute("data-order-number");
        assertEquals("Base price", browser.findElement(By.cssSelector("tr[data-line='1'] .erp-price-rule")).getText());

        WebElement quantity = browser.findElement(By.cssSelector("tr[data-line='1'] input[name=quantity]"));
        quantity.clear();
        quantity.sendKeys("50");
        Chromium.waitFor("the ERP's price for 50", () ->
                browser.findElement(By.cssSelector("tr[data-line='1'] .erp-price-rule")).getText().equals("Quantity break 50+"));
        assertTrue(browser.findElement(By.cssSelector(".erp-unsaved")).isDisplayed());
        JsonNode draft = SIDECAR.json("/api/v1/orders/" + number);
        assertEquals("nothing is saved by asking", "1", draft.at("/lines/0/quantity").asText());
        JsonNode quote = SIDECAR.json("/api/v1/orders/" + number);
        assertEquals("DRAFT", quote.get("status").asText());

        browser.findElement(By.xpath("//button[contains(., 'Save the lines in the ERP')]")).click();
        Chromium.waitFor("the saved draft", () -> browser.findElements(By.cssSelector("tr[data-line='1'][data-amount]"))
                .stream().anyMatch(row -> row.getAttribute("data-unit-price") != null));
        assertEquals("50", SIDECAR.json("/api/v1/orders/" + number).at("/lines/0/quantity").asText());
    }
}
