package org.erpinsight.crm.web.view;

import java.util.Optional;

import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;

import gg.jte.Content;

/**
 * How every insight tab begins: may the user see financial figures, and what is the record
 * linked to. When the tab cannot go on, {@link #reason()} says why ({@code view/tabStart.jte}).
 *
 * @param link the record's link, or null
 * @param reason why there are no figures, when there is no link
 * @param error whether the reason is a failure (a banner) rather than a state (a note)
 * @param forms what follows a "not linked" reason: the means to link, written only then
 */
public record TabStart(Link link, String reason, boolean error, Content forms) {

    /** Starts a tab that needs {@link Permission#VIEW_FINANCIALS} and a link of the kind. */
    public static TabStart of(CrmRecord record, CrmUser user, LinkService links, String source, LinkKind kind, String notLinked,
                              Content whenUnlinked) {
        Texts texts = Texts.of(user.locale());
        if (!user.may(Permission.VIEW_FINANCIALS)) {
            return new TabStart(null, texts.get("tab.noPermission"), false, Views.NOTHING);
        }
        Optional<Link> link;
        try {
            link = links.linkOf(record.ref(), source, kind);
        } catch (RuntimeException e) {
            return new TabStart(null, texts.get("tab.linkStoreDown"), true, Views.NOTHING);
        }
        return link.map(l -> new TabStart(l, null, false, Views.NOTHING))
                .orElseGet(() -> new TabStart(null, notLinked, false, whenUnlinked == null ? Views.NOTHING : whenUnlinked));
    }

    /** A tab that cannot go on, with its reason, in the tab's frame. */
    public static String refused(String tab, String reason, boolean error) {
        return Views.tab(tab, Views.content("view/tabStart.jte", new TabStart(null, reason, error, Views.NOTHING)));
    }

    public boolean linked() {
        return link != null;
    }

    /** This start's reason in the tab's frame. */
    public String render(String tab) {
        return Views.tab(tab, Views.content("view/tabStart.jte", this));
    }
}
