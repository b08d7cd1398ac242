package org.erpinsight.crm.gateway.soap;

import org.erpinsight.crm.api.transport.SidecarClient;
import org.erpinsight.crm.api.transport.SidecarEndpoint;
import org.erpinsight.crm.api.transport.SidecarTransport;
import org.osgi.service.component.annotations.Component;

/** The SOAP transport: the contract's WSDL binding over Apache CXF. */
@Component(property = SidecarTransport.PROPERTY + "=" + SidecarTransport.SOAP)
public class SoapTransport implements SidecarTransport {

    @Override
    public SidecarClient connect(SidecarEndpoint endpoint) {
        return new SoapSidecarClient(endpoint);
    }
}
