package org.erpinsight.crm.api.transport;

import org.osgi.annotation.versioning.ConsumerType;

/** Makes clients for one protocol; registered with {@link #PROPERTY} naming it. */
@ConsumerType
public interface SidecarTransport {
    /** Service property naming the protocol, e.g. {@value #REST} or {@value #SOAP}. */
    String PROPERTY = "erpinsight.transport";
    String REST = "rest";
    String SOAP = "soap";

    SidecarClient connect(SidecarEndpoint endpoint);
}
