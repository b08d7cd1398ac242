package org.erpinsight.it;

import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Sets the embedding keys as an admin does, through the Web Console's configuration manager. */
final class EmbeddedTabTestKeys {
    private EmbeddedTabTestKeys() {
    }

    static void configure(ReferenceHost host, String frameAncestors, String... keys) throws Exception {
        StringBuilder form = new StringBuilder("apply=true&action=ajaxConfigManager&propertylist=.keys,maxValiditySeconds,frameAncestors"
                + "&maxValiditySeconds=600&frameAncestors=" + URLEncoder.encode(frameAncestors, StandardCharsets.UTF_8));
        for (String key : keys) {
            form.append("&.keys=").append(URLEncoder.encode(key, StandardCharsets.UTF_8));
        }
        HttpResponse<String> saved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(host.uri("/system/console/configMgr/org.erpinsight.crm.web.embed"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue("saved: " + saved.statusCode(), saved.statusCode() < 400);
        Thread.sleep(500);
    }
}
