package org.erpinsight.crm.web.overview;

import java.math.BigDecimal;

import org.erpinsight.crm.api.CustomerOverview;
import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.ErpReading;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordTab;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.web.CsrfTokens;
import org.erpinsight.crm.web.InsightConfiguration;
import org.erpinsight.crm.web.view.LinkForms;
import org.erpinsight.crm.web.view.TabStart;
import org.erpinsight.crm.web.view.Texts;
import org.erpinsight.crm.web.view.Views;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import gg.jte.Content;

/**
 * The "Financial overview" tab of a company or contact linked to an ERP customer: balance,
 * overdue, credit, revenue this year and last, and revenue per month as a chart, read live.
 * An unlinked record gets the means to link it.
 */
@Component(configurationPid = InsightConfiguration.PID, property = {
    RecordTab.ID + "=financial-overview",
    RecordTab.TITLE + "=Financial overview",
    RecordTab.TITLE + ".da=Økonomisk overblik",
    RecordTab.RECORD_TYPES + "=company",
    RecordTab.RECORD_TYPES + "=contact",
    RecordTab.ORDER + ":Integer=100"})
@Designate(ocd = InsightConfiguration.class)
public class FinancialOverviewTab implements RecordTab {
    static final String TAB = "financial-overview";

    private final ErpGateway gateway;
    private final LinkService links;
    private final CsrfTokens csrf;
    private final String source;

    @Activate
    public FinancialOverviewTab(@Reference ErpGateway gateway, @Reference LinkService links,
                                @Reference CsrfTokens csrf, InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.csrf = csrf;
        this.source = config.source();
    }

    /**
     * What {@code overview/financialOverview.jte} shows of a linked record: the reading (null when the
     * ERP could not give one, then the problem), the chart, and the unlink form for those who may.
     */
    public record View(Texts t, ErpReading<CustomerOverview> reading, boolean overLimit, String creditShare, RevenueChart chart,
                       String problemLevel, String problem, Content unlink) {
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        Texts texts = Texts.of(user.locale());
        LinkForms forms = new LinkForms(texts, record.ref(), source, LinkKind.CUSTOMER, returnTo, csrf.tokenFor(user.id()));
        Content unlinked = user.may(Permission.MANAGE_LINKS)
                ? forms.unlinked(true, record.name(), record.vatNumber(), () -> LinkForms.Suggestions.parties(texts, texts.get("customer.suggested"), record,
                        query -> gateway.searchCustomers(source, query)))
                : Views.NOTHING;
        TabStart start = TabStart.of(record, user, links, source, LinkKind.CUSTOMER, texts.get("customer.notLinked"), unlinked);
        if (!start.linked()) {
            return start.render(TAB);
        }
        Link link = start.link();
        Content unlink = user.may(Permission.MANAGE_LINKS) ? forms.unlink(link.erpNumber()) : Views.NOTHING;
        View view;
        try {
            ErpReading<CustomerOverview> reading = gateway.readCustomerOverview(source, link.erpNumber());
            CustomerOverview o = reading.value();
            boolean overLimit = o.creditLimit() != null && o.creditLimit().signum() > 0 && o.creditUsed().compareTo(o.creditLimit()) > 0;
            view = new View(texts, reading, overLimit, creditShare(texts, o), RevenueChart.of(texts, o), null, null, unlink);
        } catch (ErpGatewayException e) {
            view = e.code() == ErpErrorCode.NOT_FOUND
                    ? new View(texts, null, false, null, null, "warning", texts.get("customer.gone", link.erpNumber()), unlink)
                    : new View(texts, null, false, null, null, "error", texts.erpProblem(e), unlink);
        }
        return Views.tab(TAB, Views.content("overview/financialOverview.jte", view));
    }

    private static String creditShare(Texts texts, CustomerOverview o) {
        if (o.creditLimit() == null || o.creditLimit().signum() <= 0) {
            return null;
        }
        BigDecimal percent = o.creditUsed().multiply(BigDecimal.valueOf(100)).divide(o.creditLimit(), 0, java.math.RoundingMode.HALF_UP);
        return texts.get("customer.creditShare", percent.toPlainString());
    }
}
