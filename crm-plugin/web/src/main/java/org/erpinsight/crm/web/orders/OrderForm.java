package org.erpinsight.crm.web.orders;

import org.erpinsight.crm.web.CsrfTokens;

/** What every order form carries ({@code orders/formFields.jte}): the record, the way back, the user's CSRF token. */
public record OrderForm(String record, String returnTo, String csrfToken) {
    public String action() {
        return OrderEntryServlet.PATH;
    }

    public String csrfField() {
        return CsrfTokens.FIELD;
    }
}
