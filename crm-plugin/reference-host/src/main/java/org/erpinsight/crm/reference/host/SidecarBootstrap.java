package org.erpinsight.crm.reference.host;

import java.io.IOException;
import java.util.Hashtable;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * First-run convenience of the reference host: when no sidecar is configured yet, creates the
 * "default" sidecar configuration from the launch properties {@code erpinsight.sidecar.url},
 * {@code erpinsight.sidecar.apiKey} and {@code erpinsight.sidecar.transport} (and the gateway's
 * freshness from {@code erpinsight.gateway.freshSeconds}, if given). After that the
 * configuration is the admin's, in the Web Console. A real host does this in its installer.
 */
@Component(immediate = true)
public class SidecarBootstrap {
    static final String SIDECAR_PID = "org.erpinsight.crm.gateway.sidecar";
    static final String GATEWAY_PID = "org.erpinsight.crm.gateway";
    static final String HEALTH_SERVLET_PID = "org.apache.felix.hc.core.impl.servlet.HealthCheckExecutorServlet";
    private static final Logger LOG = Logger.getLogger(SidecarBootstrap.class.getName());

    @Activate
    public SidecarBootstrap(BundleContext context, @Reference ConfigurationAdmin configAdmin)
            throws IOException, InvalidSyntaxException {
        String fresh = context.getProperty("erpinsight.gateway.freshSeconds");
        if (fresh != null && configAdmin.listConfigurations("(service.pid=" + GATEWAY_PID + ")") == null) {
            Hashtable<String, Object> gateway = new Hashtable<>();
            gateway.put("freshSeconds", Integer.valueOf(fresh));
            configAdmin.getConfiguration(GATEWAY_PID, "?").update(gateway);
        }
        // the Felix Health Checks' own servlet, so that the sidecars' health checks answer at /system/health
        if (configAdmin.listConfigurations("(service.pid=" + HEALTH_SERVLET_PID + ")") == null) {
            Hashtable<String, Object> servlet = new Hashtable<>();
            servlet.put("servletPath", "/system/health");
            configAdmin.getConfiguration(HEALTH_SERVLET_PID, "?").update(servlet);
        }
        String url = context.getProperty("erpinsight.sidecar.url");
        if (url == null || url.isBlank()) {
            return;
        }
        Configuration[] existing = configAdmin.listConfigurations("(service.factoryPid=" + SIDECAR_PID + ")");
        if (existing != null && existing.length > 0) {
            return;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("source", SampleLinks.SOURCE);
        props.put("url", url);
        props.put(".apiKey", valueOr(context.getProperty("erpinsight.sidecar.apiKey"), ""));
        props.put("transport", valueOr(context.getProperty("erpinsight.sidecar.transport"), "rest"));
        configAdmin.createFactoryConfiguration(SIDECAR_PID, "?").update(props);
        LOG.info("Configured the default sidecar at " + url + " (" + props.get("transport") + ")");
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
