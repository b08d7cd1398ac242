package org.erpinsight.crm.api.host;

/** What a CRM user may do with ERP Insight; the host decides who has which. */
public enum Permission {
    VIEW_FINANCIALS, MANAGE_LINKS, ENTER_ORDERS
}
