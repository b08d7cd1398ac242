package org.erpinsight.crm.web.invoices;


import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.Invoice;
import org.erpinsight.crm.api.InvoicePage;
import org.erpinsight.crm.api.InvoiceStatus;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.TabStart;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.Views;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The "Invoices" tab of a linked company or contact: the newest invoices from the ERP with their
 * status (overdue ones first in the eye), each opening the ERP's PDF through this plugin.
 */
@Component(configurationPid = InsightConfiguration.PID, property = {
    RecordTab.ID + "=invoices",
    RecordTab.TITLE + "=Invoices",
    RecordTab.TITLE + ".da=Fakturaer",
    RecordTab.RECORD_TYPES + "=company",
    RecordTab.RECORD_TYPES + "=contact",
    RecordTab.ORDER + ":Integer=200"})
public class InvoicesTab implements RecordTab {
    static final String TAB = "invoices";
    static final int SHOWN = 25;

    private final ErpGateway gateway;
    private final LinkService links;
    private final String source;

    @Activate
    public InvoicesTab(@Reference ErpGateway gateway, @Reference LinkService links, InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.source = config.source();
    }

    /** What {@code invoices/invoicesTab.jte} shows: the newest invoices, or the problem instead. */
    public record View(Texts t, RecordRef record, String returnTo, InvoicePage page, String problem) {
        public String documentAddress(Invoice invoice) {
            return InvoiceDocumentServlet.PATH + "?record=" + url(record.toString()) + "&invoice=" + url(invoice.number());
        }

        public String listAddress(InvoiceStatus filter) {
            return InvoiceListServlet.address(record, filter, 1, returnTo);
        }
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        Texts texts = Texts.of(user.locale());
        if (!user.may(Permission.VIEW_FINANCIALS)) {
            return TabStart.refused(TAB, texts.get("invoices.noPermission"), false);
        }
        TabStart start = TabStart.of(record, user, links, source, LinkKind.CUSTOMER, texts.get("invoices.notLinked"), null);
        if (!start.linked()) {
            return start.render(TAB);
        }
        View view;
        try {
            view = new View(texts, record.ref(), returnTo, gateway.invoices(source, start.link().erpNumber(), null, 0, SHOWN), null);
        } catch (ErpGatewayException e) {
            view = new View(texts, record.ref(), returnTo, null, e.code() == ErpErrorCode.NOT_FOUND ? texts.get("invoices.customerGone")
                    : texts.erpProblem(e));
        }
        return Views.tab(TAB, Views.content("invoices/invoicesTab.jte", view));
    }

    private static String url(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
