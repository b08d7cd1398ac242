package org.erpinsight.it;

import org.junit.ClassRule;
import org.junit.rules.RuleChain;

/** The supplier and project tabs over the REST transport. */
public class SupplierAndProjectTabsOverRestTest extends SupplierAndProjectTabsEndToEnd {
    private static final Sidecar SIDECAR = new Sidecar();
    private static final ReferenceHost HOST = new ReferenceHost(SIDECAR::baseUri, Sidecar.KEY, "rest");

    @ClassRule
    public static final RuleChain RUNNING = RuleChain.outerRule(SIDECAR).around(HOST);

    @Override
    protected ReferenceHost host() {
        return HOST;
    }

    @Override
    protected Sidecar sidecar() {
        return SIDECAR;
    }
}
