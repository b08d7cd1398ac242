package org.erpinsight.sidecar.server;

import org.junit.ClassRule;

/** The adapter contract on the reference ERP (Derby, small demo data). */
public class ReferenceAdapterContractTest extends AdapterContract {
    @ClassRule
    public static final RunningSidecar SIDECAR = new RunningSidecar();

    @Override
    protected RunningSidecar sidecar() {
        return SIDECAR;
    }

    @Override
    protected Known known() {
        return new Known("10006", "10001", "70001", "I-1002", "10001");
    }
}
