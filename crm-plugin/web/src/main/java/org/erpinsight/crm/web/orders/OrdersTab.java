package org.erpinsight.crm.web.orders;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.Order;
import org.erpinsight.crm.api.OrderLine;
import org.erpinsight.crm.api.OrderPage;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.Amounts;
import org.erpinsight.crm.web.view.Html;
import org.erpinsight.crm.web.view.Texts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The "Orders" tab of a linked company or contact: the customer's newest ERP orders with their lines and prices. */
@Component(configurationPid = InsightConfiguration.PID, property = {
    RecordTab.ID + "=orders",
    RecordTab.TITLE + "=Orders",
    RecordTab.TITLE + ".da=Ordrer",
    RecordTab.RECORD_TYPES + "=company",
    RecordTab.RECORD_TYPES + "=contact",
    RecordTab.ORDER + ":Integer=300"})
public class OrdersTab implements RecordTab {
    static final int SHOWN = 10;

    private final ErpGateway gateway;
    private final LinkService links;
    private final CsrfTokens csrf;
    private final String source;

    @Activate
    public OrdersTab(@Reference ErpGateway gateway, @Reference LinkService links, @Reference CsrfTokens csrf,
                     InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.csrf = csrf;
        this.source = config.source();
    }

    /** The form that starts order entry: lines are priced by the ERP before anything is created. */
    private void entryForm(StringBuilder html, Texts texts, CrmRecord record, CrmUser user, String returnTo) {
        html.append("<details class=\"erp-order-entry\"><summary>").append(Html.escape(texts.get("orders.newOrder")))
                .append("</summary><form method=\"post\" action=\"")
                .append(OrderEntryServlet.PATH).append("\"><input type=\"hidden\" name=\"action\" value=\"quote\">")
                .append("<input type=\"hidden\" name=\"record\" value=\"").append(Html.escape(record.ref())).append("\">")
                .append("<input type=\"hidden\" name=\"returnTo\" value=\"").append(Html.escape(returnTo)).append("\">")
                .append("<input type=\"hidden\" name=\"").append(CsrfTokens.FIELD).append("\" value=\"")
                .append(Html.escape(csrf.tokenFor(user.id()))).append("\"><table><tr><th>").append(Html.escape(texts.get("orders.itemNumber"))).append("</th><th>")
                .append(Html.escape(texts.get("orders.quantity"))).append("</th></tr>");
        for (int i = 0; i < 4; i++) {
            html.append("<tr><td><input name=\"item\" maxlength=\"32\"></td><td><input name=\"quantity\" inputmode=\"decimal\" size=\"6\">")
                    .append("</td></tr>");
        }
        html.append("</table><label>").append(Html.escape(texts.get("orders.reference"))).append(" <input name=\"reference\" maxlength=\"100\"></label> ")
                .append("<button type=\"submit\">").append(Html.escape(texts.get("orders.getPrices"))).append("</button></form></details>");
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        // the tab brings its own few styles: a host's stylesheet knows nothing of it
        StringBuilder html = new StringBuilder("<section class=\"erp-insight erp-orders\"><style>.erp-orders table"
                + "{border-collapse:collapse;margin:.3em 0 1em}.erp-orders th,.erp-orders td{padding:.15em .9em .15em 0;"
                + "text-align:left}.erp-orders td.num{text-align:right}.erp-orders h3{font-size:1em;margin:.8em 0 .2em}</style>");
        Texts texts = Texts.of(user.locale());
        if (!user.may(Permission.VIEW_FINANCIALS) && !user.may(Permission.ENTER_ORDERS)) {
            return html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("orders.noPermission"))).append("</p></section>").toString();
        }
        Optional<Link> link;
        try {
            link = links.linkOf(record.ref(), source, LinkKind.CUSTOMER);
        } catch (RuntimeException e) {
            return html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("tab.linkStoreDown"))).append("</p></section>").toString();
        }
        if (link.isEmpty()) {
            return html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("orders.notLinked"))).append("</p></section>").toString();
        }
        if (user.may(Permission.ENTER_ORDERS)) {
            entryForm(html, texts, record, user, returnTo);
        }
        OrderPage page;
        try {
            page = gateway.orders(source, link.get().erpNumber(), 0, SHOWN);
        } catch (ErpGatewayException e) {
            String message = e.code() == ErpErrorCode.NOT_FOUND ? texts.get("invoices.customerGone")
                    : texts.get("erp.unreachable", e.getMessage());
            return html.append("<div class=\"erp-banner erp-banner-error\" role=\"alert\">").append(Html.escape(message))
                    .append("</div></section>").toString();
        }
        if (page.orders().isEmpty()) {
            return html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("orders.none"))).append("</p></section>").toString();
        }
        for (Order o : page.orders()) {
            html.append("<div data-order=\"").append(Html.escape(o.number())).append("\" data-status=\"").append(Html.escape(o.status()))
                    .append("\" data-total=\"").append(Html.escape(o.total().toPlainString())).append("\"><h3>")
                    .append(Html.escape(o.number())).append(" · ").append(texts.date(o.orderDate()))
                    .append(" · ").append(Html.escape(texts.get("orderStatus." + o.status()).startsWith("orderStatus.")
                            ? o.status().toLowerCase(java.util.Locale.ROOT) : texts.get("orderStatus." + o.status()))).append(" · ")
                    .append(Html.escape(texts.amount(o.total(), o.currency())))
                    .append(o.reference() == null ? "" : " · " + Html.escape(o.reference())).append("</h3>")
                    .append("DRAFT".equals(o.status()) && user.may(Permission.ENTER_ORDERS) ? "<p><a class=\"erp-continue\" href=\""
                            + Html.escape(OrderEntryServlet.editorAddress(record.ref().toString(), o.number(), returnTo))
                            + "\">" + Html.escape(texts.get("orders.continueDraft")) + "</a></p>" : "")
                    .append("<table><thead><tr>");
            for (String column : new String[] {"orders.item", "orders.description", "orders.quantity", "orders.unitPrice", "orders.discount",
                    "orders.amount", "orders.priceRule"}) {
                html.append("<th>").append(Html.escape(texts.get(column))).append("</th>");
            }
            html.append("</tr></thead><tbody>");
            for (OrderLine l : o.lines()) {
                html.append("<tr><td>").append(Html.escape(l.itemNumber())).append("</td><td>").append(Html.escape(l.description()))
                        .append("</td><td class=\"num\">").append(Html.escape(l.quantity().toPlainString()))
                        .append("</td><td class=\"num\">").append(Html.escape(texts.price(l.unitPrice(), o.currency())))
                        .append("</td><td class=\"num\">").append(Html.escape(l.discountPercent().toPlainString())).append("%</td>")
                        .append("<td class=\"num\">").append(Html.escape(texts.amount(l.lineAmount(), o.currency())))
                        .append("</td><td>").append(Html.escape(l.priceRule())).append("</td></tr>");
            }
            html.append("</tbody></table></div>");
        }
        if (page.total() > page.orders().size()) {
            html.append("<p class=\"erp-note\">").append(Html.escape(texts.get("orders.newest", page.orders().size(), page.total())))
                    .append("</p>");
        }
        return html.append("</section>").toString();
    }
}
