package org.erpinsight.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.ClassRule;
import org.junit.Test;

/**
 * The host CRM must not break when the sidecar is gone: record pages still render, the tab
 * says the ERP is unreachable, and nothing can be linked to a number that cannot be checked.
 */
public class SidecarDownTest {
    private static final int CLOSED_PORT = closedPort();

    // ready when a page has tried the configured sidecar: "ERP unreachable" alone also shows while the host has
    // no sidecar configuration yet ("No sidecar is configured as source ..."), and a test could start in that moment
    @ClassRule
    public static final ReferenceHost HOST = new ReferenceHost(() -> URI.create("http://127.0.0.1:" + CLOSED_PORT),
            "it-secret-0123456789abcdef", "rest", "cannot be reached");

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void afterRepeatedFailuresTheSidecarIsNotAskedAndPagesStillRender() throws Exception {
        HttpResponse<String> page = null;
        for (int i = 0; i < 7; i++) {
            page = HOST.get("/crm/company/c-1002", "admin");
            assertEquals(200, page.statusCode());
        }
        assertTrue(page.body(), page.body().contains("not asked again"));
    }

    /** The page's "ERP unreachable" lines, to say what a page said instead. */
    private static String reasons(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ERP unreachable[^<]*|The ERP is busy[^<]*").matcher(html);
        java.util.List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found.toString();
    }

    @Test
    public void pagesRenderWithAClearMessageInsteadOfFigures() throws Exception {
        HttpResponse<String> page = HOST.get("/crm/company/c-1001", "admin");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>Andersen Byg A/S</h1>"));
        assertTrue(page.body(), page.body().contains("ERP unreachable"));
        assertTrue("the reason is given: unreachable, or paused after repeated failures: " + reasons(page.body()),
                page.body().contains("cannot be reached") || page.body().contains("not asked again"));
        assertFalse(page.body().contains("data-figure=\"balance\""));
        assertFalse("the API key never reaches a page", page.body().contains("it-secret-0123456789abcdef"));
        assertEquals(200, HOST.get("/crm/", "admin").statusCode());
    }
}
