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

    /**
     * Creates the customer or supplier in the ERP from the record (name, optional number and VAT
     * number: nothing else crosses over) and links the record to it. The key is made once for
     * the form, so a second click answers the same party.
     */
    public static String create(RecordRef record, String source, LinkKind kind, String returnTo, String csrfToken, String name,
                                String vatNumber) {
        String what = kind.name().toLowerCase(java.util.Locale.ROOT);
        return "<details class=\"erp-create\" data-kind=\"" + kind.name() + "\"><summary>Create the " + what + " in the ERP</summary>"
                + "<form method=\"post\" action=\"" + PATH + "\">" + hidden(record, source, kind, returnTo, csrfToken)
                + "<input type=\"hidden\" name=\"action\" value=\"create\">"
                + "<input type=\"hidden\" name=\"key\" value=\"crm-" + java.util.UUID.randomUUID() + "\">"
                + "<label>Name <input name=\"name\" required maxlength=\"200\" value=\"" + Html.escape(name) + "\"></label> "
                + "<label>VAT number <input name=\"vatNumber\" maxlength=\"32\" value=\"" + Html.escape(vatNumber == null ? "" : vatNumber)
                + "\"></label> <label>Number <input name=\"number\" maxlength=\"32\" placeholder=\"the ERP's next\"></label> "
                + "<button type=\"submit\">Create and link</button></form></details>";
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
