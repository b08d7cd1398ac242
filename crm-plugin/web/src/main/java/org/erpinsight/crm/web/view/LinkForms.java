package org.erpinsight.crm.web.view;

import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.links.LinkKind;

/**
 * The forms that link a record to an ERP customer, supplier or project and unlink it again,
 * posted to the link servlet with the user's CSRF token. One place, so every tab links alike.
 */
public final class LinkForms {
    /** Where the forms post; the link servlet answers there. */
    public static final String PATH = "/erp-insight/link";
    /** The CSRF token's field. */
    public static final String CSRF_FIELD = "csrf";

    private LinkForms() {
    }

    /** The hidden fields every link form carries. */
    public static String hidden(RecordRef record, String source, LinkKind kind, String returnTo, String csrfToken) {
        return "<input type=\"hidden\" name=\"record\" value=\"" + Html.escape(record) + "\">"
                + "<input type=\"hidden\" name=\"source\" value=\"" + Html.escape(source) + "\">"
                + "<input type=\"hidden\" name=\"kind\" value=\"" + kind.name() + "\">"
                + "<input type=\"hidden\" name=\"returnTo\" value=\"" + Html.escape(returnTo) + "\">"
                + "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"" + Html.escape(csrfToken) + "\">";
    }

    /** A field for the ERP number and a Link button. */
    public static String link(RecordRef record, String source, LinkKind kind, String returnTo, String csrfToken) {
        String what = switch (kind) {
            case CUSTOMER -> "ERP customer number";
            case SUPPLIER -> "ERP supplier number";
            case PROJECT -> "ERP project number";
        };
        return "<form class=\"erp-link\" data-kind=\"" + kind.name() + "\" method=\"post\" action=\"" + PATH + "\">"
                + hidden(record, source, kind, returnTo, csrfToken)
                + "<input type=\"hidden\" name=\"action\" value=\"link\">"
                + "<label>" + what + " <input name=\"number\" required maxlength=\"64\"></label> <button type=\"submit\">Link</button></form>";
    }

    /** One suggested ERP party or project, linked with one click. */
    public static String suggestion(RecordRef record, String source, LinkKind kind, String returnTo, String csrfToken, String number,
                                    String label) {
        return "<form method=\"post\" action=\"" + PATH + "\">" + hidden(record, source, kind, returnTo, csrfToken)
                + "<input type=\"hidden\" name=\"action\" value=\"link\">"
                + "<input type=\"hidden\" name=\"number\" value=\"" + Html.escape(number) + "\">"
                + Html.escape(label) + " <button type=\"submit\">Link</button></form>";
    }

    /** An Unlink button. */
    public static String unlink(RecordRef record, String source, LinkKind kind, String returnTo, String csrfToken, String number) {
        String what = kind.name().toLowerCase(java.util.Locale.ROOT);
        return "<form class=\"erp-unlink\" data-kind=\"" + kind.name() + "\" method=\"post\" action=\"" + PATH + "\">"
                + hidden(record, source, kind, returnTo, csrfToken)
                + "<input type=\"hidden\" name=\"action\" value=\"unlink\">"
                + "<button type=\"submit\">Unlink from ERP " + what + " " + Html.escape(number) + "</button></form>";
    }
}
