package org.erpinsight.crm.gateway.soap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import javax.xml.ws.BindingProvider;
import javax.xml.ws.WebServiceException;
import javax.xml.ws.soap.SOAPFaultException;

import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.erpinsight.crm.api.CustomerOverview;
import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.InvoicePage;
import org.erpinsight.crm.api.InvoiceStatus;
import org.erpinsight.crm.api.LineRequest;
import org.erpinsight.crm.api.Item;
import org.erpinsight.crm.api.ProjectOverview;
import org.erpinsight.crm.api.ProjectSummary;
import org.erpinsight.crm.api.SupplierOverview;
import org.erpinsight.crm.api.Order;
import org.erpinsight.crm.api.OrderConfirmation;
import org.erpinsight.crm.api.OrderPage;
import org.erpinsight.crm.api.PriceQuote;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.PartyKind;
import org.erpinsight.crm.api.PartyPage;
import org.erpinsight.crm.api.PartyQuery;
import org.erpinsight.crm.api.transport.SidecarClient;
import org.erpinsight.crm.api.transport.SidecarEndpoint;
import org.erpinsight.crm.gateway.soap.generated.ErpFault_Exception;
import org.erpinsight.crm.gateway.soap.generated.ErpInsightPort;

/**
 * The contract's SOAP binding (/soap/erp) for one sidecar. CXF looks up its extensions and
 * JAXB through the thread context class loader, so every call runs with this bundle's loader.
 */
final class SoapSidecarClient implements SidecarClient {
    private final SidecarEndpoint endpoint;
    private final ErpInsightPort port;

    SoapSidecarClient(SidecarEndpoint endpoint) {
        this.endpoint = endpoint;
        this.port = withBundleLoader(() -> {
            JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
            factory.setServiceClass(ErpInsightPort.class);
            factory.setAddress(endpoint.url() + "/soap/erp");
            ErpInsightPort p = (ErpInsightPort) factory.create();
            Client client = ClientProxy.getClient(p);
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(endpoint.connectTimeout().toMillis());
            policy.setReceiveTimeout(endpoint.readTimeout().toMillis());
            policy.setAllowChunking(false);
            ((HTTPConduit) client.getConduit()).setClient(policy);
            ((BindingProvider) p).getRequestContext().put(Message.PROTOCOL_HEADERS,
                    Map.of("X-API-Key", List.of(endpoint.apiKey())));
            return p;
        });
    }

    @Override
    public void ping() {
        call(port::ping);
    }

    @Override
    public Optional<Party> customer(String customerNumber) {
        return SidecarClient.unlessNotFound(() -> call(() -> SoapMapping.party(port.getCustomer(customerNumber))));
    }

    @Override
    public List<Party> searchSuppliers(PartyQuery q) {
        return call(() -> port.searchSuppliers(q.name(), q.vatNumber(), q.emailDomain(), q.phone(), q.limit()).stream()
                .map(SoapMapping::party).toList());
    }

    @Override
    public List<ProjectSummary> searchProjects(String text, int limit) {
        return call(() -> port.searchProjects(text, limit).stream().map(SoapMapping::project).toList());
    }

    @Override
    public List<Party> searchCustomers(PartyQuery q) {
        return call(() -> port.searchCustomers(q.name(), q.vatNumber(), q.emailDomain(), q.phone(), q.limit()).stream()
                .map(SoapMapping::party).toList());
    }

    @Override
    public CustomerOverview customerOverview(String customerNumber) {
        return call(() -> SoapMapping.overview(port.getCustomerOverview(customerNumber)));
    }

    @Override
    public PartyPage parties(PartyKind kind, int offset, int limit) {
        return call(() -> SoapMapping.page(port.listParties(
                org.erpinsight.crm.gateway.soap.generated.PartyKind.valueOf(kind.name()), offset, limit)));
    }

    @Override
    public InvoicePage invoices(String customerNumber, InvoiceStatus status, int offset, int limit) {
        return call(() -> SoapMapping.invoices(port.listInvoices(customerNumber,
                org.erpinsight.crm.gateway.soap.generated.InvoiceFilter.valueOf(status == null ? "ALL" : status.name()), offset, limit)));
    }

    @Override
    public OrderPage orders(String customerNumber, int offset, int limit) {
        return call(() -> SoapMapping.orders(port.listOrders(customerNumber, offset, limit)));
    }

    @Override
    public PriceQuote quote(String customerNumber, List<LineRequest> lines) {
        return call(() -> SoapMapping.quote(port.quotePrices(customerNumber, null, SoapMapping.lines(lines))));
    }

    @Override
    public Order createOrder(String idempotencyKey, String customerNumber, String reference, List<LineRequest> lines) {
        return call(() -> SoapMapping.order(port.createOrder(idempotencyKey, customerNumber, reference, SoapMapping.lines(lines))));
    }

    @Override
    public OrderConfirmation confirmOrder(String orderNumber, boolean acceptCreditWarning) {
        return call(() -> SoapMapping.confirmation(port.confirmOrder(orderNumber, acceptCreditWarning)));
    }

    @Override
    public Order replaceOrderLines(String orderNumber, List<LineRequest> lines) {
        return call(() -> SoapMapping.order(port.replaceOrderLines(orderNumber, SoapMapping.lines(lines))));
    }

    @Override
    public List<Item> searchItems(String text, int limit) {
        return call(() -> port.searchItems(text, limit).stream().map(SoapMapping::item).toList());
    }

    @Override
    public Optional<Party> supplier(String supplierNumber) {
        return SidecarClient.unlessNotFound(() -> call(() -> SoapMapping.party(port.getSupplier(supplierNumber))));
    }

    @Override
    public SupplierOverview supplierOverview(String supplierNumber) {
        return call(() -> SoapMapping.supplierOverview(port.getSupplierOverview(supplierNumber)));
    }

    @Override
    public List<ProjectSummary> projects(String customerNumber) {
        return call(() -> port.listProjects(customerNumber).stream().map(SoapMapping::project).toList());
    }

    @Override
    public ProjectOverview projectOverview(String projectNumber) {
        return call(() -> SoapMapping.projectOverview(port.getProjectOverview(projectNumber)));
    }

    @Override
    public Party createParty(String idempotencyKey, PartyKind kind, String name, String number, String vatNumber) {
        return call(() -> SoapMapping.party(port.createParty(idempotencyKey,
                org.erpinsight.crm.gateway.soap.generated.PartyKind.valueOf(kind.name()), name, number, vatNumber)));
    }

    @Override
    public Optional<Order> order(String orderNumber) {
        return SidecarClient.unlessNotFound(() -> call(() -> SoapMapping.order(port.getOrder(orderNumber))));
    }

    @Override
    public byte[] invoiceDocument(String invoiceNumber) {
        return call(() -> port.getInvoiceDocument(invoiceNumber));
    }

    @Override
    public void close() {
        withBundleLoader(() -> {
            ClientProxy.getClient(port).destroy();
            return null;
        });
    }

    private <T> T call(Callable<T> soapCall) {
        return withBundleLoader(() -> {
            try {
                return soapCall.call();
            } catch (ErpFault_Exception fault) {
                String code = fault.getFaultInfo() == null ? null : fault.getFaultInfo().getCode();
                String message = fault.getFaultInfo() == null ? fault.getMessage() : fault.getFaultInfo().getMessage();
                throw ErpGatewayException.fromContract(code, 500, message, endpoint.source());
            } catch (SOAPFaultException fault) {
                throw new ErpGatewayException(ErpErrorCode.SIDECAR_ERROR, "Sidecar '" + endpoint.source()
                        + "' answered a SOAP fault: " + fault.getMessage(), fault);
            } catch (WebServiceException e) {
                if (rateLimited(e)) {
                    // SOAP carries no Retry-After to the port: a second, as the sidecar's smallest wait
                    throw new ErpGatewayException(ErpErrorCode.SIDECAR_BUSY, "Sidecar '" + endpoint.source()
                            + "' is busy: too many requests for this API key", java.time.Duration.ofSeconds(1));
                }
                throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "Sidecar '" + endpoint.source() + "' at "
                        + endpoint.url() + " cannot be reached over SOAP: " + rootMessage(e), e);
            }
        });
    }

    /** Whether the sidecar refused the call with HTTP 429 (its rate limit), which CXF reports as a transport failure. */
    private static boolean rateLimited(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.cxf.transport.http.HTTPException http && http.getResponseCode() == 429) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static <T> T withBundleLoader(Callable<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SoapSidecarClient.class.getClassLoader());
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_ERROR, "SOAP call failed: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
