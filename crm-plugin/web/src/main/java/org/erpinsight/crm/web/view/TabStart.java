package org.erpinsight.crm.web.view;

import java.util.Optional;

import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.Permission;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;

/**
 * How every insight tab begins: may the user see financial figures, and what is the record
 * linked to. When the tab cannot go on, the reason is already in the page.
 */
public final class TabStart {
    private TabStart() {
    }

    /**
     * The record's link of the kind, or empty with the reason appended: no permission, the link
     * store unavailable, or not linked ({@code notLinked}, followed by {@code whenUnlinked}'s HTML,
     * which is made only then: link forms ask the ERP for suggestions, a linked record must not pay for them).
     */
    public static Optional<Link> linked(StringBuilder html, CrmRecord record, CrmUser user, LinkService links, String source,
                                        LinkKind kind, String notLinked, java.util.function.Supplier<String> whenUnlinked) {
        if (!user.may(Permission.VIEW_FINANCIALS)) {
            html.append(Blocks.note(Texts.of(user.locale()).get("tab.noPermission")));
            return Optional.empty();
        }
        Optional<Link> link;
        try {
            link = links.linkOf(record.ref(), source, kind);
        } catch (RuntimeException e) {
            html.append(Blocks.banner("error", Texts.of(user.locale()).get("tab.linkStoreDown")));
            return Optional.empty();
        }
        if (link.isEmpty()) {
            String forms = whenUnlinked == null ? null : whenUnlinked.get();
            html.append(Blocks.note(notLinked)).append(forms == null ? "" : forms);
        }
        return link;
    }
}
