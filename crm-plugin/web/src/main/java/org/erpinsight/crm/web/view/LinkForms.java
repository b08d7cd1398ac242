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
    public static String link(Texts texts, RecordRef record, String source, LinkKind kind, String returnTo, String csrfToken) {
        return "<form class=\"erp-link\" data-kind=\"" + kind.name() + "\" method=\"post\" action=\"" + PATH + "\">"
                + hidden(record, source, kind, returnTo, csrfToken)
                + "<input type=\"hidden\" name=\"action\" value=\"link\">"
                + "<label>" + Html.escape(texts.get("link.number." + kind.name())) + " <input name=\"number\" required maxlength=\"64\"></label>"
                + " <button type=\"submit\">" + Html.escape(texts.get("link.link")) + "</button></form>";
    }

    /** One suggested ERP party or project, linked with one click. */
    public static String suggestion(Texts texts, RecordRef record, String source, LinkKind kind, String returnTo, String csrfToken,
                                    String number, String label) {
        return "<form method=\"post\" action=\"" + PATH + "\">" + hidden(record, source, kind, returnTo, csrfToken)
                + "<input type=\"hidden\" name=\"action\" value=\"link\">"
                + "<input type=\"hidden\" name=\"number\" value=\"" + Html.escape(number) + "\">"
                + Html.escape(label) + " <button type=\"submit\">" + Html.escape(texts.get("link.link")) + "</button></form>";
    }

    /**
     * Creates the customer or supplier in the ERP from the record (name, optional number and VAT
     * number: nothing else crosses over) and links the record to it. The key is made once for
     * the form, so a second click answers the same party.
     */
    public static String create(Texts texts, RecordRef record, String source, LinkKind kind, String returnTo, String csrfToken,
                                String name, String vatNumber) {
        return "<details class=\"erp-create\" data-kind=\"" + kind.name() + "\"><summary>" + Html.escape(texts.get("link.create." + kind.name()))
                + "</summary><form method=\"post\" action=\"" + PATH + "\">" + hidden(record, source, kind, returnTo, csrfToken)
                + "<input type=\"hidden\" name=\"action\" value=\"create\">"
                + "<input type=\"hidden\" name=\"key\" value=\"crm-" + java.util.UUID.randomUUID() + "\">"
                + "<label>" + Html.escape(texts.get("link.name")) + " <input name=\"name\" required maxlength=\"200\" value=\"" + Html.escape(name)
                + "\"></label> <label>" + Html.escape(texts.get("link.vatNumber")) + " <input name=\"vatNumber\" maxlength=\"32\" value=\""
                + Html.escape(vatNumber == null ? "" : vatNumber) + "\"></label> <label>" + Html.escape(texts.get("link.newNumber"))
                + " <input name=\"number\" maxlength=\"32\" placeholder=\"" + Html.escape(texts.get("link.nextNumber")) + "\"></label> "
                + "<button type=\"submit\">" + Html.escape(texts.get("link.createAndLink")) + "</button></form></details>";
    }

    /** An Unlink button. */
    public static String unlink(Texts texts, RecordRef record, String source, LinkKind kind, String returnTo, String csrfToken, String number) {
        return "<form class=\"erp-unlink\" data-kind=\"" + kind.name() + "\" method=\"post\" action=\"" + PATH + "\">"
                + hidden(record, source, kind, returnTo, csrfToken)
                + "<input type=\"hidden\" name=\"action\" value=\"unlink\">"
                + "<button type=\"submit\">" + Html.escape(texts.get("link.unlink." + kind.name(), number)) + "</button></form>";
    }
}
