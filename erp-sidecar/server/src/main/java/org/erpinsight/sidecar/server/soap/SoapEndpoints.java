package org.erpinsight.sidecar.server.soap;

import org.apache.cxf.jaxws.EndpointImpl;
import org.erpinsight.sidecar.server.ops.Metrics;

/** What the SOAP endpoint gets beyond CXF's defaults. */
public final class SoapEndpoints {
    private SoapEndpoints() {
    }

    /**
     * Codes every fault with the contract's erpFault detail. (DTDs and external entities are
     * already refused by CXF's StAX setup; a test keeps it that way.)
     */
    public static void hardenAndCodeFaults(EndpointImpl endpoint, Metrics metrics) {
        endpoint.getOutFaultInterceptors().add(new FaultCodes(metrics));
    }
}
