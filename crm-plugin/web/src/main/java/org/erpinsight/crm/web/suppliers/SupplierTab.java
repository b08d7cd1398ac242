package org.erpinsight.crm.web.suppliers;


import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.ErpReading;
import org.erpinsight.crm.api.SupplierOverview;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.host.RecordTab;
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

import gg.jte.Content;

/**
 * The "Supplier" tab of a company or contact linked to an ERP supplier: what the company owes
 * it, what it invoiced this year and last, and the purchase orders still open, read live (the
 * last known figures, with their age, when the ERP is down).
 */
@Component(configurationPid = InsightConfiguration.PID, property = {
    RecordTab.ID + "=supplier",
    RecordTab.TITLE + "=Supplier",
    RecordTab.TITLE + ".da=Leverandør",
    RecordTab.RECORD_TYPES + "=company",
    RecordTab.RECORD_TYPES + "=contact",
    RecordTab.ORDER + ":Integer=400"})
public class SupplierTab implements RecordTab {
    static final String TAB = "supplier";
    private final ErpGateway gateway;
    private final LinkService links;
    private final CsrfTokens csrf;
    private final String source;

    @Activate
    public SupplierTab(@Reference ErpGateway gateway, @Reference LinkService links, @Reference CsrfTokens csrf,
            InsightConfiguration config) {
        this.gateway = gateway;
        this.links = links;
        this.csrf = csrf;
        this.source = config.source();
    }

    /** What {@code suppliers/supplier.jte} shows of a linked record: the reading, or the problem instead. */
    public record View(Texts t, ErpReading<SupplierOverview> reading, String problemLevel, String problem, Content unlink) {
    }

    @Override
    public String render(CrmRecord record, CrmUser user, String returnTo) {
        Texts texts = Texts.of(user.locale());
        LinkForms forms = new LinkForms(texts, record.ref(), source, LinkKind.SUPPLIER, returnTo, csrf.tokenFor(user.id()));
        Content unlinked = user.may(Permission.MANAGE_LINKS)
                ? forms.unlinked(true, record.name(), record.vatNumber(), () -> LinkForms.Suggestions.parties(texts, texts.get("supplier.suggested"), record,
                        query -> gateway.searchSuppliers(source, query)))
                : Views.NOTHING;
        TabStart start = TabStart.of(record, user, links, source, LinkKind.SUPPLIER, texts.get("supplier.notLinked"), unlinked);
        if (!start.linked()) {
            return start.render(TAB);
        }
        String number = start.link().erpNumber();
        Content unlink = user.may(Permission.MANAGE_LINKS) ? forms.unlink(number) : Views.NOTHING;
        View view;
        try {
            view = new View(texts, gateway.readSupplierOverview(source, number), null, null, unlink);
        } catch (ErpGatewayException e) {
            view = e.code() == ErpErrorCode.NOT_FOUND
                    ? new View(texts, null, "warning", texts.get("supplier.gone", number), unlink)
                    : new View(texts, null, "error", texts.erpProblem(e), unlink);
        }
        return Views.tab(TAB, Views.content("suppliers/supplier.jte", view));
    }
}
