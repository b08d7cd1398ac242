package org.erpinsight.crm.api.host;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A tab on a record's page. Bundles register tabs as services with the properties below; the
 * host renders, for a record of one of the tab's types, the HTML the tab returns. A tab must
 * answer quickly and never throw: it shows its own errors.
 */
@ConsumerType
public interface RecordTab {
    /** Service property: a stable id, used in URLs and element ids. */
    String ID = "erpinsight.tab.id";
    /**
     * Service property: the tab's title as the user sees it. The title in another language is the
     * property {@code TITLE + "." + language} ({@code erpinsight.tab.title.da}); a host shows it to
     * users of that language, else this one.
     */
    String TITLE = "erpinsight.tab.title";
    /** Service property: the {@link RecordType#id()}s the tab applies to. */
    String RECORD_TYPES = "erpinsight.tab.recordTypes";
    /** Service property: tabs are shown in ascending order. */
    String ORDER = "erpinsight.tab.order";

    /**
     * The tab's HTML fragment for this record and user.
     *
     * @param returnTo the host path that shows this record again, for forms that post and come back
     */
    String render(CrmRecord record, CrmUser user, String returnTo);
}
