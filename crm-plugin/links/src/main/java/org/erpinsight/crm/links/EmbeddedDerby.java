package org.erpinsight.crm.links;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import org.apache.derby.iapi.jdbc.AutoloadedDriver;
import org.apache.derby.iapi.jdbc.JDBCBoot;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Stops the Derby engine that runs inside this bundle when the bundle stops. Shutting down the
 * link database (the component's job) leaves the engine up: its timer thread and its driver in
 * DriverManager would keep this bundle's old class loader alive across every update (seen as a
 * thread and heap growth in PluginBundleCyclesTest). The framework calls stop after the components
 * are gone (STOPPING comes first) and start before Declarative Services activates them.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public class EmbeddedDerby implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        // after a stop in the same class loader the engine is down, and Derby's driver refuses to
        // connect until it is booted again (what derbytools' EmbeddedDriver does when loaded)
        JDBCBoot.boot();
    }

    @Override
    public void stop(BundleContext context) {
        try (Connection ignored = new AutoloadedDriver().connect("jdbc:derby:;shutdown=true", new Properties())) {
            // Derby answers a shutdown with an exception
        } catch (SQLException expected) {
            // XJ015: Derby system shutdown (and its driver deregistered)
        }
    }
}
