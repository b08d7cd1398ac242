package org.erpinsight.crm.web;

import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * How the plugin's servlets register on the OSGi Http Whiteboard. Every servlet carries a name of
 * its own: Pax Web (Karaf) names an unnamed servlet after its service interface and skips the
 * second one as a duplicate. Every servlet selects its context explicitly; a host with a context of
 * its own sets {@code osgi.http.whiteboard.context.select} in the configuration
 * {@value InsightConfiguration#PID} (DS lets configuration override component properties).
 */
public final class WebWhiteboard {
    /** The whiteboard's default context, selected explicitly. */
    public static final String DEFAULT_CONTEXT = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "="
            + HttpWhiteboardConstants.HTTP_WHITEBOARD_DEFAULT_CONTEXT_NAME + ")";
    /** Servlet names start with this, so that an admin finds them in Pax Web's and Felix's lists. */
    public static final String NAME_PREFIX = "erp-insight-";

    private WebWhiteboard() {
    }
}
