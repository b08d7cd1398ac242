package org.erpinsight.sidecar.server.soap;

import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * A body that names no operation of the contract (empty, or an unknown SOAPAction that CXF
 * could not match) is the client's error; CXF's invoker would raise a server fault for it.
 * Marks the exchange once an operation is reached: what CXF refuses before that point (a
 * stream it cannot parse, a SOAPAction matching nothing, a schema violation) is about the
 * request, not the service.
 */
final class OperationRequired extends AbstractSoapInterceptor {
    /** Exchange key set once a request reached one of the contract's operations. */
    static final String REACHED = "erpinsight.operationReached";

    OperationRequired() {
        super(Phase.PRE_INVOKE);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (message.getExchange().getBindingOperationInfo() == null) {
            throw new SoapFault("The SOAP body names no operation of the contract (see ?wsdl)", Soap11.getInstance().getSender());
        }
        message.getExchange().put(REACHED, Boolean.TRUE);
    }
}
