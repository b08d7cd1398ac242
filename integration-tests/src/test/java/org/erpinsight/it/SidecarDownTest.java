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

    @ClassRule
    public static final ReferenceHost HOST = new ReferenceHost(() -> URI.create("http://127.0.0.1:" + CLOSED_PORT),
            "it-secret-0123456789abcdef", "rest", "ERP unreachable");

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

    @Test
    public void pagesRenderWithAClearMessageInsteadOfFigures() throws Exception {
        HttpResponse<String> page = HOST.get("/crm/company/c-1001", "admin");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>Andersen Byg A/S</h1>"));
        assertTrue(page.body(), page.body().contains("ERP unreachable"));
        assertTrue("the reason is given: unreachable, or paused after repeated failures",
                page.body().contains("cannot be reached") || page.body().contains("not asked again"));
        assertFalse(page.body().contains("data-figure=\"balance\""));
        assertFalse("the API key never reaches a page", page.body().contains("it-secret-0123456789abcdef"));
        assertEquals(200, HOST.get("/crm/", "admin").statusCode());
    }
}
