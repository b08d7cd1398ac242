package org.erpinsight.sidecar.server.soap;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.erpinsight.sidecar.core.ErrorCode;
import org.erpinsight.sidecar.server.ops.Metrics;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Gives every SOAP fault the contract's {@code erpFault} detail with a stable code, also those
 * CXF raises itself (malformed XML, a DTD, an unknown operation: INVALID_REQUEST), and makes
 * faults for client errors {@code soap:Client}.
 */
final class FaultCodes extends AbstractSoapInterceptor {
    static final String NAMESPACE = "http://erpinsight.org/sidecar/v1";

    private static final Logger LOG = Logger.getLogger(FaultCodes.class.getName());

    private final Metrics metrics;

    FaultCodes(Metrics metrics) {
        // after CXF has put a declared fault's bean into the detail (PRE_PROTOCOL), before it writes the fault (MARSHAL)
        super(Phase.WRITE);
        this.metrics = metrics;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault)) {
            return;
        }
        String code = existingCode(fault.getDetail());
        if (code == null) {
            // SOAP's Client (1.1) or Sender (1.2), or CXF's own "client" code for an unknown operation
            String faultCode = fault.getFaultCode() == null ? "" : fault.getFaultCode().getLocalPart().toLowerCase(java.util.Locale.ROOT);
            // VersionMismatch: an envelope of another SOAP version (or none), the client's error as much as bad XML
            boolean clientError = faultCode.contains("client") || faultCode.contains("sender") || faultCode.contains("versionmismatch")
                    || !Boolean.TRUE.equals(message.getExchange().get(OperationRequired.REACHED));
            code = (clientError ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL_ERROR).name();
            // raised before any operation ran: count it here, the endpoint never saw it
            metrics.rejected(clientError ? "invalid_soap" : "soap_failure");
            metrics.error(code);
            Element detail = fault.getOrCreateDetail();
            Document doc = detail.getOwnerDocument();
            Element erpFault = doc.createElementNS(NAMESPACE, "erpFault");
            Element codeElement = doc.createElementNS(NAMESPACE, "code");
            codeElement.setTextContent(code);
            Element messageElement = doc.createElementNS(NAMESPACE, "message");
            messageElement.setTextContent(clientError ? "The request is not a valid message of the contract: " + fault.getMessage()
                    : "Unexpected failure; see the sidecar log");
            erpFault.appendChild(codeElement);
            erpFault.appendChild(messageElement);
            detail.appendChild(erpFault);
            if (!clientError) {
                LOG.log(Level.SEVERE, "Unexpected SOAP failure", fault);
                fault.setMessage("Unexpected failure; see the sidecar log");
            }
        }
        try {
            if (ErrorCode.valueOf(code).httpStatus() < 500 && !isVersionMismatch(fault)) {
                QName sender = Soap11.getInstance().getSender();
                fault.setFaultCode(sender);
            }
        } catch (IllegalArgumentException unknown) {
            // not one of ours: leave the fault code as it is
        }
    }

    /** SOAP 1.1 has its own fault code for this client error; keep it. */
    private static boolean isVersionMismatch(Fault fault) {
        return fault.getFaultCode() != null && "VersionMismatch".equals(fault.getFaultCode().getLocalPart());
    }

    private static String existingCode(Element detail) {
        if (detail == null) {
            return null;
        }
        for (Node n = detail.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "erpFault".equals(e.getLocalName())) {
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element ce && "code".equals(ce.getLocalName())) {
                        return ce.getTextContent();
                    }
                }
            }
        }
        return null;
    }
}
