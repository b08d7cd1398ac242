package org.erpinsight.crm.gateway;

import org.erpinsight.crm.api.transport.SidecarTransport;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One sidecar connection, as an admin edits it in the Web Console (one configuration per sidecar). */
@ObjectClassDefinition(name = "ERP Insight sidecar",
        description = "A connection to one ERP sidecar. Add one per ERP; the source name identifies it in links.")
public @interface SidecarConfiguration {
    String PID = "org.erpinsight.crm.gateway.sidecar";

    @AttributeDefinition(name = "Source name", description = "Identifies this ERP in links; keep it stable once records are linked")
    String source() default "default";

    @AttributeDefinition(name = "Sidecar URL", description = "Base URL of the sidecar, e.g. http://erp-host:8280")
    String url() default "http://127.0.0.1:8280";

    @AttributeDefinition(name = "Transport", options = {
        @Option(label = "REST (JSON)", value = SidecarTransport.REST),
        @Option(label = "SOAP (needs the gateway.soap bundle)", value = SidecarTransport.SOAP)})
    String transport() default SidecarTransport.REST;

    /** Named "_apiKey" so that the property is ".apiKey": private, never copied to service properties. */
    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD, description = "The key IT issued for this CRM")
    String _apiKey() default "";

    @AttributeDefinition(name = "Connect timeout (ms)", min = "100", max = "60000")
    int connectTimeoutMillis() default 2000;

    @AttributeDefinition(name = "Read timeout (ms)", description = "No CRM page waits longer than connect plus read timeout",
            min = "100", max = "120000")
    int readTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Calls in flight", description = "At most this many calls to the sidecar at once; the rest"
            + " wait in line within the timeouts, page views before background work. Size it as the sidecar's rate limit for"
            + " this key times a call's usual duration (200 requests/s x 40 ms = 8)", min = "1", max = "200")
    int maxConcurrentCalls() default 8;

    @AttributeDefinition(name = "Background calls in flight", description = "Of those, at most this many for background"
            + " work (link suggestion runs, imports, connection tests), so that it cannot hold the places page views need",
            min = "1", max = "200")
    int maxBackgroundCalls() default 2;

    /** Named "_backgroundApiKey" so that the property is ".backgroundApiKey": private, like the API key. */
    @AttributeDefinition(name = "Background API key", type = AttributeType.PASSWORD, required = false, description = "Optional:"
            + " a second key IT issued for the CRM's background work, so that the sidecar's rate limit counts it apart from"
            + " the users' page views. Empty: background work uses the API key, within its own places in flight")
    String _backgroundApiKey() default "";

    @AttributeDefinition(name = "Failures before pausing", description = "After this many failed calls in a row the sidecar"
            + " is not asked for a while: pages show 'ERP unreachable' at once. A call the sidecar accepts but does not answer"
            + " in time pauses it at once, so that a page waits one timeout, not one per tab", min = "1", max = "100")
    int breakerFailures() default 5;

    @AttributeDefinition(name = "Pause (s)", description = "How long a failing sidecar is not asked before one call tries again",
            min = "1", max = "3600")
    int breakerOpenSeconds() default 30;
}
