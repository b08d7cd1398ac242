package org.erpinsight.crm.web.invoices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.Invoice;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.CrmUsers;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.WebWhiteboard;
import org.erpinsight.crm.web.InsightConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Opens an invoice's PDF for a CRM user: the browser cannot reach the sidecar, so the plugin
 * fetches it. Only for a user who may see financials, and only an invoice of the ERP customer
 * the given record is linked to.
 */
@Component(service = Servlet.class, configurationPid = InsightConfiguration.PID)
@HttpWhiteboardServletPattern(InvoiceDocumentServlet.PATH)
@HttpWhiteboardServletName(WebWhiteboard.NAME_PREFIX + "invoice-document")
@HttpWhiteboardContextSelect(WebWhiteboard.DEFAULT_CONTEXT)
public class InvoiceDocumentServlet extends HttpServlet {
    static final String PATH = "/erp-insight/invoice-document";
    private static final long serialVersionUID = 1L;

    private final transient ErpGateway gateway;
    private final transient LinkService links;
    private final transient CrmUsers users;
    private final String source;

    @Activate
    public InvoiceDocumentServlet(@Reference ErpGateway gateway, @Reference LinkService links, @Reference CrmUsers users,
                                  InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.users = users;
        this.source = config.source();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CrmUser> user = users.currentUser(request);
        if (user.isEmpty() || !user.get().may(Permission.VIEW_FINANCIALS)) {
            refuse(response, 403, "You do not have permission to see invoices");
            return;
        }
        String record = request.getParameter("record");
        String number = request.getParameter("invoice");
        if (number == null || number.isBlank() || number.length() > 32) {
            refuse(response, 400, "Give record=TYPE/ID and invoice=NUMBER");
            return;
        }
        RecordRef ref;
        try {
            ref = RecordRef.parse(record);
        } catch (IllegalArgumentException e) {
            refuse(response, 400, e.getMessage());
            return;
        }
        Optional<Link> link = links.linkOf(ref, source, LinkKind.CUSTOMER);
        try {
            if (link.isEmpty() || !ofCustomer(link.get().erpNumber(), number)) {
                refuse(response, 404, "No such invoice for this record");
                return;
            }
            byte[] pdf = gateway.invoiceDocument(source, number);
            response.setContentType("application/pdf");
            response.setHeader("Content-Disposition", "inline; filename=\"invoice-" + number.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf\"");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentLength(pdf.length);
            response.getOutputStream().write(pdf);
        } catch (ErpGatewayException e) {
            refuse(response, e.code() == ErpErrorCode.NOT_FOUND ? 404 : 503, e.getMessage());
        }
    }

    /** Whether the invoice is one of the customer's: a user linked to one customer must not read another's. */
    private boolean ofCustomer(String customerNumber, String invoiceNumber) {
        for (int offset = 0; offset < 2_000; offset += 500) {
            var page = gateway.invoices(source, customerNumber, null, offset, 500);
            for (Invoice invoice : page.invoices()) {
                if (invoice.number().equals(invoiceNumber)) {
                    return true;
                }
            }
            if (offset + 500 >= page.total()) {
                break;
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }
}
