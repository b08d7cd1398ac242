package org.erpinsight.it;

import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven by chromedriver; the browser tests skip, loudly, where either is missing. */
final class Chromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    static WebDriver start() throws Exception {
        boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (!present) {
            System.err.println("SKIPPED: the browser tests need Debian's chromium and chromium-driver");
        }
        assumeTrue(present);
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile());
        // the machine's closed network refuses Chromium's background connections: turn them off
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        // the console's messages, for what a page cannot see (a frame the browser refused)
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
                .build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // a click that submits a form returns before the next page is there: look for elements for a while
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        return browser;
    }

    /** Waits for a condition the page reaches by itself (a script's pause, the ERP's answer, a frame), up to ten seconds. */
    static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                // the page is changing under us: ask again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited 10 s for " + what);
    }
}
