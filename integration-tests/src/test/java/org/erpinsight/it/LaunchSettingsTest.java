package org.erpinsight.it;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

/**
 * The demo run a second time with another sidecar port: the host keeps its storage (links,
 * configuration) between runs, and the sidecar URL it was launched with the first time must not
 * win over the one it is launched with now.
 */
public class LaunchSettingsTest {

    @Test
    public void aChangedSidecarUrlReachesTheKeptConfiguration() throws Throwable {
        Path storage = Files.createTempDirectory("it-kept-host");
        String[] keep = {"launch.keep=true", "launch.storage.dir=" + storage};
        Sidecar first = new Sidecar();
        Sidecar second = new Sidecar();
        first.before();
        try {
            ReferenceHost host = new ReferenceHost(first::baseUri, Sidecar.KEY, "rest", "data-figure=\"balance\"", keep);
            host.before();
            host.after();
        } finally {
            first.stop();
        }
        second.before();
        try {
            // ready only when the page shows figures, i.e. from the second sidecar: the first is gone
            ReferenceHost again = new ReferenceHost(second::baseUri, Sidecar.KEY, "rest", "data-figure=\"balance\"", keep);
            again.before();
            try {
                String page = again.get("/crm/company/c-1001", "admin").body();
                assertTrue(page, page.contains("data-figure=\"balance\"") && !page.contains("ERP unreachable"));
            } finally {
                again.after();
            }
        } finally {
            second.stop();
        }
    }
}
