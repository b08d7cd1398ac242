package org.erpinsight.crm.web.orders;

import java.util.Locale;
import java.util.Optional;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.Order;
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
import org.erpinsight.crm.web.view.TabStart;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.Views;
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
    static final String TAB = "orders";
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
    /** What {@code orders/ordersTab.jte} shows: the entry form (null for those who may not enter orders), the newest orders or the problem. */
    public record View(Texts t, CrmUser user, String record, String returnTo, OrderForm entryForm, OrderPage page, String problem) {
        /** The ERP's status in the user's words; a status this plugin does not know as the ERP says it. */
        public String status(Order o) {
            String words = t.get("orderStatus." + o.status());
            return words.startsWith("orderStatus.") ? o.status().toLowerCase(Locale.ROOT) : words;
        }

        public boolean continues(Order o) {
            return "DRAFT".equals(o.status()) && user.may(Permission.ENTER_ORDERS);
        }

        public String editorAddress(Order o) {
            return OrderEntryServlet.editorAddress(record, o.number(), returnTo);
        }
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        Texts texts = Texts.of(user.locale());
        if (!user.may(Permission.VIEW_FINANCIALS) && !user.may(Permission.ENTER_ORDERS)) {
            return TabStart.refused(TAB, texts.get("orders.noPermission"), false);
        }
        Optional<Link> link;
        try {
            link = links.linkOf(record.ref(), source, LinkKind.CUSTOMER);
        } catch (RuntimeException e) {
            return TabStart.refused(TAB, texts.get("tab.linkStoreDown"), true);
        }
        if (link.isEmpty()) {
            return TabStart.refused(TAB, texts.get("orders.notLinked"), false);
        }
        String ref = record.ref().toString();
        OrderForm entry = user.may(Permission.ENTER_ORDERS) ? new OrderForm(ref, returnTo, csrf.tokenFor(user.id())) : null;
        View view;
        try {
            view = new View(texts, user, ref, returnTo, entry, gateway.orders(source, link.get().erpNumber(), 0, SHOWN), null);
        } catch (ErpGatewayException e) {
            view = new View(texts, user, ref, returnTo, entry, null, e.code() == ErpErrorCode.NOT_FOUND ? texts.get("invoices.customerGone")
                    : texts.erpProblem(e));
        }
        return Views.tab(TAB, Views.content("orders/ordersTab.jte", view));
    }
}
