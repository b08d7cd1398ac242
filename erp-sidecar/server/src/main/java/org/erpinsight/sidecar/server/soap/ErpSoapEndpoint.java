package org.erpinsight.sidecar.server.soap;

import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.erpinsight.sidecar.core.CustomerOverviews;
import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;
import org.erpinsight.sidecar.core.PartyLookup;
import org.erpinsight.sidecar.server.soap.generated.CustomerOverview;
import org.erpinsight.sidecar.server.soap.generated.ErpFault;
import org.erpinsight.sidecar.server.soap.generated.ErpFault_Exception;
import org.erpinsight.sidecar.server.soap.generated.ErpInsightPort;
import org.erpinsight.sidecar.server.soap.generated.Party;
import org.erpinsight.sidecar.server.soap.generated.PartyKind;
import org.erpinsight.sidecar.server.soap.generated.PartyPage;

import jakarta.jws.WebService;

/** SOAP transport of the same use cases as the REST resource; the interface is generated from the checked-in WSDL. */
@WebService(serviceName = "ErpInsightService", portName = "ErpInsightPort",
        targetNamespace = "http://erpinsight.org/sidecar/v1",
        endpointInterface = "org.erpinsight.sidecar.server.soap.generated.ErpInsightPort",
        wsdlLocation = "classpath:contract/erp-insight-v1.wsdl")
public class ErpSoapEndpoint implements ErpInsightPort {
    private static final Logger LOG = Logger.getLogger(ErpSoapEndpoint.class.getName());

    private final PartyLookup parties;
    private final CustomerOverviews overviews;

    public ErpSoapEndpoint(PartyLookup parties, CustomerOverviews overviews) {
        this.parties = parties;
        this.overviews = overviews;
    }

    @Override
    public Party getCustomer(String customerNumber) throws ErpFault_Exception {
        return call(() -> SoapMapping.party(parties.customer(customerNumber)));
    }

    @Override
    public List<Party> searchCustomers(String name, String vatNumber, String emailDomain, String phone, Integer limit)
            throws ErpFault_Exception {
        return call(() -> parties.searchCustomers(name, vatNumber, emailDomain, phone, limit).stream()
                .map(SoapMapping::party).toList());
    }

    @Override
    public CustomerOverview getCustomerOverview(String customerNumber) throws ErpFault_Exception {
        return call(() -> SoapMapping.overview(overviews.overview(customerNumber)));
    }

    @Override
    public PartyPage listParties(PartyKind kind, Integer offset, Integer limit) throws ErpFault_Exception {
        return call(() -> SoapMapping.page(parties.parties(
                kind == null ? null : org.erpinsight.sidecar.core.PartyKind.valueOf(kind.name()), offset, limit)));
    }

    private static <T> T call(Supplier<T> useCase) throws ErpFault_Exception {
        try {
            return useCase.get();
        } catch (ErpException e) {
            throw fault(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Unexpected failure", e);
            throw fault(ErrorCode.INTERNAL_ERROR, "Unexpected failure; see the sidecar log");
        }
    }

    static ErpFault_Exception fault(ErrorCode code, String message) {
        ErpFault info = new ErpFault();
        info.setCode(code.name());
        info.setMessage(message);
        return new ErpFault_Exception(message, info);
    }
}
