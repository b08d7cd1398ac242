package org.erpinsight.sidecar.server.soap;

import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.xml.datatype.XMLGregorianCalendar;

import org.erpinsight.sidecar.core.CachingErp;
import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;
import org.erpinsight.sidecar.core.InvoiceFilter;
import org.erpinsight.sidecar.core.UseCases;
import org.erpinsight.sidecar.server.soap.generated.CustomerOverview;
import org.erpinsight.sidecar.server.soap.generated.ErpFault;
import org.erpinsight.sidecar.server.soap.generated.ErpFault_Exception;
import org.erpinsight.sidecar.server.soap.generated.ErpInsightPort;
import org.erpinsight.sidecar.server.soap.generated.InvoicePage;
import org.erpinsight.sidecar.server.soap.generated.Item;
import org.erpinsight.sidecar.server.soap.generated.LineRequest;
import org.erpinsight.sidecar.server.soap.generated.Order;
import org.erpinsight.sidecar.server.soap.generated.OrderConfirmation;
import org.erpinsight.sidecar.server.soap.generated.OrderPage;
import org.erpinsight.sidecar.server.soap.generated.Party;
import org.erpinsight.sidecar.server.soap.generated.PartyKind;
import org.erpinsight.sidecar.server.soap.generated.PartyPage;
import org.erpinsight.sidecar.server.soap.generated.PriceQuote;
import org.erpinsight.sidecar.server.soap.generated.ProjectOverview;
import org.erpinsight.sidecar.server.soap.generated.ProjectSummary;
import org.erpinsight.sidecar.server.soap.generated.SupplierOverview;

import org.erpinsight.sidecar.server.ops.CallLog;
import org.erpinsight.sidecar.server.security.ApiKeys;
import org.erpinsight.sidecar.server.security.RequestGate;
import org.erpinsight.sidecar.server.security.Scope;

import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;

/** SOAP transport of the same use cases as the REST resources; the interface is generated from the checked-in WSDL. */
@WebService(serviceName = "ErpInsightService", portName = "ErpInsightPort",
        targetNamespace = "http://erpinsight.org/sidecar/v1",
        endpointInterface = "org.erpinsight.sidecar.server.soap.generated.ErpInsightPort",
        wsdlLocation = "classpath:contract/erp-insight-v1.wsdl")
public class ErpSoapEndpoint implements ErpInsightPort {
    private static final Logger LOG = Logger.getLogger(ErpSoapEndpoint.class.getName());

    private final UseCases uses;
    private final CallLog log;

    @Resource
    private WebServiceContext context;

    public ErpSoapEndpoint(UseCases uses, CallLog log) {
        this.uses = uses;
        this.log = log;
    }

    @Override
    public String ping() throws ErpFault_Exception {
        return call("ping", Scope.READ, () -> "ok");
    }

    @Override
    public Party getCustomer(String customerNumber) throws ErpFault_Exception {
        return call("getCustomer", Scope.READ, () -> SoapMapping.party(uses.parties().customer(customerNumber)));
    }

    @Override
    public Party getSupplier(String supplierNumber) throws ErpFault_Exception {
        return call("getSupplier", Scope.READ, () -> SoapMapping.party(uses.parties().supplier(supplierNumber)));
    }

    @Override
    public List<Party> searchCustomers(String name, String vatNumber, String emailDomain, String phone, Integer limit)
            throws ErpFault_Exception {
        return call("searchCustomers", Scope.READ, () -> uses.parties().searchCustomers(name, vatNumber, emailDomain, phone, limit).stream()
                .map(SoapMapping::party).toList());
    }

    @Override
    public List<Party> searchSuppliers(String name, String vatNumber, String emailDomain, String phone, Integer limit)
            throws ErpFault_Exception {
        return call("searchSuppliers", Scope.READ, () -> uses.parties().searchSuppliers(name, vatNumber, emailDomain, phone, limit).stream()
                .map(SoapMapping::party).toList());
    }

    @Override
    public List<ProjectSummary> searchProjects(String text, Integer limit) throws ErpFault_Exception {
        return call("searchProjects", Scope.READ, () -> uses.projects().search(text, limit).stream().map(SoapMapping::project).toList());
    }

    @Override
    public PartyPage listParties(PartyKind kind, Integer offset, Integer limit) throws ErpFault_Exception {
        return call("listParties", Scope.READ, () -> SoapMapping.page(uses.parties().parties(SoapMapping.kind(kind), offset, limit)));
    }

    @Override
    public CustomerOverview getCustomerOverview(String customerNumber) throws ErpFault_Exception {
        return call("getCustomerOverview", Scope.READ, () -> SoapMapping.overview(uses.overviews().customer(customerNumber)));
    }

    @Override
    public SupplierOverview getSupplierOverview(String supplierNumber) throws ErpFault_Exception {
        return call("getSupplierOverview", Scope.READ, () -> SoapMapping.overview(uses.overviews().supplier(supplierNumber)));
    }

    @Override
    public InvoicePage listInvoices(String customerNumber, org.erpinsight.sidecar.server.soap.generated.InvoiceFilter status,
                                    Integer offset, Integer limit) throws ErpFault_Exception {
        return call("listInvoices", Scope.READ, () -> SoapMapping.invoices(uses.invoices().list(customerNumber,
                status == null ? InvoiceFilter.ALL : InvoiceFilter.valueOf(status.name()), offset, limit)));
    }

    @Override
    public byte[] getInvoiceDocument(String invoiceNumber) throws ErpFault_Exception {
        return call("getInvoiceDocument", Scope.READ, () -> uses.invoices().document(invoiceNumber));
    }

    @Override
    public OrderPage listOrders(String customerNumber, Integer offset, Integer limit) throws ErpFault_Exception {
        return call("listOrders", Scope.READ, () -> SoapMapping.orders(uses.orders().list(customerNumber, offset, limit)));
    }

    @Override
    public List<ProjectSummary> listProjects(String customerNumber) throws ErpFault_Exception {
        return call("listProjects", Scope.READ, () -> uses.projects().list(customerNumber).stream().map(SoapMapping::project).toList());
    }

    @Override
    public ProjectOverview getProjectOverview(String projectNumber) throws ErpFault_Exception {
        return call("getProjectOverview", Scope.READ, () -> SoapMapping.overview(uses.projects().overview(projectNumber)));
    }

    @Override
    public List<Item> searchItems(String text, Integer limit) throws ErpFault_Exception {
        return call("searchItems", Scope.READ, () -> uses.pricing().searchItems(text, limit).stream().map(SoapMapping::item).toList());
    }

    @Override
    public PriceQuote quotePrices(String customerNumber, XMLGregorianCalendar date, List<LineRequest> lines)
            throws ErpFault_Exception {
        return call("quotePrices", Scope.READ, () -> SoapMapping.quote(uses.pricing().quote(customerNumber, SoapMapping.date(date), SoapMapping.lines(lines))));
    }

    @Override
    public Party createParty(String idempotencyKey, PartyKind kind, String name, String number, String vatNumber)
            throws ErpFault_Exception {
        return call("createParty", Scope.ADMIN, () -> SoapMapping.party(uses.partyCreation().create(idempotencyKey, SoapMapping.kind(kind), name, number,
                vatNumber)));
    }

    @Override
    public Order createOrder(String idempotencyKey, String customerNumber, String reference, List<LineRequest> lines)
            throws ErpFault_Exception {
        return call("createOrder", Scope.ORDERS, () -> SoapMapping.order(uses.orders().create(idempotencyKey, customerNumber, reference, SoapMapping.lines(lines))));
    }

    @Override
    public Order getOrder(String orderNumber) throws ErpFault_Exception {
        return call("getOrder", Scope.READ, () -> SoapMapping.order(uses.orders().get(orderNumber)));
    }

    @Override
    public Order replaceOrderLines(String orderNumber, List<LineRequest> lines) throws ErpFault_Exception {
        return call("replaceOrderLines", Scope.ORDERS, () -> SoapMapping.order(uses.orders().replaceLines(orderNumber, SoapMapping.lines(lines))));
    }

    @Override
    public OrderConfirmation confirmOrder(String orderNumber, Boolean acceptCreditWarning) throws ErpFault_Exception {
        return call("confirmOrder", Scope.ORDERS, () -> SoapMapping.confirmation(uses.orders().confirm(orderNumber, acceptCreditWarning)));
    }

    /** Runs one operation for a key with the scope it needs, and logs and times it. */
    private <T> T call(String operation, Scope scope, Supplier<T> useCase) throws ErpFault_Exception {
        long start = System.nanoTime();
        HttpServletRequest http = (HttpServletRequest) context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        ApiKeys.ApiKey key = http == null ? null : (ApiKeys.ApiKey) http.getAttribute(RequestGate.API_KEY);
        ErrorCode failed = null;
        try {
            if (key == null || !key.may(scope)) {
                failed = ErrorCode.FORBIDDEN;
                throw fault(failed, "This API key lacks the scope " + scope.name().toLowerCase(java.util.Locale.ROOT)
                        + " that this operation needs");
            }
            return useCase.get();
        } catch (ErpException e) {
            failed = e.code();
            throw fault(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Unexpected failure", e);
            failed = ErrorCode.INTERNAL_ERROR;
            throw fault(ErrorCode.INTERNAL_ERROR, "Unexpected failure; see the sidecar log");
        } finally {
            // SOAP answers carry no Age header (overviews have asOf); clear what the cache noted for this thread
            CachingErp.takeOldestUsed();
            log.answered("soap", operation, failed == null ? 200 : 500, System.nanoTime() - start,
                    key == null ? "-" : key.name(), failed == null ? null : failed.name());
        }
    }

    static ErpFault_Exception fault(ErrorCode code, String message) {
        ErpFault info = new ErpFault();
        info.setCode(code.name());
        info.setMessage(message);
        return new ErpFault_Exception(message, info);
    }
}
