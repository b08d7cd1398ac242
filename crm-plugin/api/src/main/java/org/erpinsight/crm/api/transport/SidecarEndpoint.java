package org.erpinsight.crm.api.transport;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach one sidecar. {@link #toString()} leaves the API key out, so an
 * endpoint can be logged.
 */
public record SidecarEndpoint(String source, URI url, String apiKey, Duration connectTimeout, Duration readTimeout) {

    @Override
    public String toString() {
        return "SidecarEndpoint[source=" + source + ", url=" + url + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
