package org.erpinsight.sidecar.server.soap;

import org.apache.cxf.jaxws.EndpointImpl;
import org.erpinsight.sidecar.server.ops.Metrics;

/** What the SOAP endpoint gets beyond CXF's defaults. */
public final class SoapEndpoints {
    private SoapEndpoints() {
    }

    /**
     * Validates requests against the contract's schema and codes every fault with the contract's erpFault detail. (DTDs and external entities are
     * already refused by CXF's StAX setup; a test keeps it that way.)
     */
    public static void hardenAndCodeFaults(EndpointImpl endpoint, Metrics metrics) {
        endpoint.getOutFaultInterceptors().add(new FaultCodes(metrics));
        // requests are checked against the contract's XSD: without it JAXB reads <acceptCreditWarning>x</...> as
        // false and an unknown enum value as null, and a malformed request could confirm an order
        endpoint.getProperties().put("schema-validation-enabled", "IN");
        endpoint.getInInterceptors().add(new OperationRequired());
    }
}
