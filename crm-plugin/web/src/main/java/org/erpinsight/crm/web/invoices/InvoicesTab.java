package org.erpinsight.crm.web.invoices;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.Invoice;
import org.erpinsight.crm.api.InvoicePage;
import org.erpinsight.crm.api.InvoiceStatus;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.Amounts;
import org.erpinsight.crm.web.view.Html;
import org.erpinsight.crm.web.view.Texts;
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
    static final int SHOWN = 25;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ErpGateway gateway;
    private final LinkService links;
    private final String source;

    @Activate
    public InvoicesTab(@Reference ErpGateway gateway, @Reference LinkService links, InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.source = config.source();
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        // the tab brings its own few styles: a host's stylesheet knows nothing of it
        StringBuilder html = new StringBuilder("<section class=\"erp-insight erp-invoices\"><style>.erp-invoices table"
                + "{border-collapse:collapse}.erp-invoices th,.erp-invoices td{padding:.2em .9em .2em 0;text-align:left}"
                + ".erp-invoices td:nth-child(4),.erp-invoices td:nth-child(5){text-align:right}"
                + ".erp-invoices tr.erp-overdue td{color:#a40000;font-weight:600}</style>");
        Texts texts = Texts.of(user.locale());
        if (!user.may(Permission.VIEW_FINANCIALS)) {
            return html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("invoices.noPermission"))).append("</p></section>").toString();
        }
        Optional<Link> link;
        try {
            link = links.linkOf(record.ref(), source, LinkKind.CUSTOMER);
        } catch (RuntimeException e) {
            return html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("tab.linkStoreDown"))).append("</p></section>").toString();
        }
        if (link.isEmpty()) {
            return html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("invoices.notLinked"))).append("</p></section>")
                    .toString();
        }
        InvoicePage page;
        try {
            page = gateway.invoices(source, link.get().erpNumber(), null, 0, SHOWN);
        } catch (ErpGatewayException e) {
            String message = e.code() == ErpErrorCode.NOT_FOUND ? texts.get("invoices.customerGone")
                    : texts.get("erp.unreachable", e.getMessage());
            return html.append("<div class=\"erp-banner erp-banner-error\" role=\"alert\">").append(Html.escape(message))
                    .append("</div></section>").toString();
        }
        if (page.invoices().isEmpty()) {
            return html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("invoices.none"))).append("</p></section>").toString();
        }
        html.append("<table class=\"erp-table\"><thead><tr>");
        for (String column : new String[] {"invoices.invoice", "invoices.date", "invoices.due", "invoices.amount", "invoices.open", "invoices.status"}) {
            html.append("<th>").append(Html.escape(texts.get(column))).append("</th>");
        }
        html.append("<th></th></tr></thead><tbody>");
        for (Invoice i : page.invoices()) {
            html.append("<tr data-invoice=\"").append(Html.escape(i.number())).append("\" data-status=\"").append(i.status())
                    .append("\" data-amount=\"").append(Html.escape(i.amount().toPlainString())).append("\"")
                    .append(i.status() == org.erpinsight.crm.api.InvoiceStatus.OVERDUE ? " class=\"erp-overdue\"" : "").append(">")
                    .append("<td>").append(Html.escape(i.number())).append("</td><td>").append(texts.date(i.invoiceDate()))
                    .append("</td><td>").append(texts.date(i.dueDate())).append("</td><td>")
                    .append(Html.escape(texts.amount(i.amount(), i.currency()))).append("</td><td>")
                    .append(Html.escape(texts.amount(i.openAmount(), i.currency()))).append("</td><td>")
                    .append(Html.escape(texts.get("status." + i.status().name()))).append("</td><td><a href=\"")
                    .append(InvoiceDocumentServlet.PATH).append("?record=").append(Html.escape(url(record.ref().toString())))
                    .append("&amp;invoice=").append(Html.escape(url(i.number()))).append("\">PDF</a></td></tr>");
        }
        html.append("</tbody></table>");
        if (page.total() > page.invoices().size()) {
            html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("invoices.newest", page.invoices().size(), page.total())))
                    .append("</p>");
        }
        // every invoice, filtered and with the filter's totals, on a page of its own
        html.append("<nav class=\"erp-invoice-filters\">").append(Html.escape(texts.get("invoices.all"))).append(' ');
        for (InvoiceStatus filter : new InvoiceStatus[] {null, InvoiceStatus.OPEN, InvoiceStatus.OVERDUE, InvoiceStatus.PAID}) {
            html.append("<a data-filter=\"").append(filter == null ? "ALL" : filter.name()).append("\" href=\"")
                    .append(Html.escape(InvoiceListServlet.address(record.ref(), filter, 1, returnTo))).append("\">")
                    .append(Html.escape(texts.get(filter == null ? "status.all" : "status." + filter.name()))).append("</a> ");
        }
        html.append("</nav>");
        return html.append("</section>").toString();
    }

    private static String url(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
