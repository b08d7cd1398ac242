package org.erpinsight.crm.web.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.PartyQuery;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.links.LinkKind;

import gg.jte.Content;

/**
 * The forms that link a record to an ERP customer, supplier or project and unlink it again,
 * posted to the link servlet with the user's CSRF token. One place, so every tab links alike
 * (templates {@code view/linkForms.jte}, {@code view/unlink.jte}).
 */
public record LinkForms(Texts t, RecordRef record, String source, LinkKind kind, String returnTo, String csrfToken) {
    /** Where the forms post; the link servlet answers there. */
    public static final String PATH = "/erp-insight/link";
    /** The CSRF token's field. */
    public static final String CSRF_FIELD = "csrf";

    /** One ERP party or project the record may be, linked with one click. */
    public record Suggestion(String number, String label) {
    }

    /** What the ERP suggested: the candidates under a heading, or why it could not say. */
    public record Suggestions(String heading, List<Suggestion> found, String failure) {
        public static Suggestions failed(String failure) {
            return new Suggestions(null, List.of(), failure);
        }

        /**
         * The ERP's customers or suppliers most like the record (by VAT number, email domain and name),
         * each shown with its number and VAT number; or why the ERP could not say.
         */
        public static Suggestions parties(Texts texts, String heading, CrmRecord record,
                                          Function<PartyQuery, List<Party>> search) {
            String domain = record.email() == null || !record.email().contains("@") ? null
                    : record.email().substring(record.email().indexOf('@') + 1);
            try {
                List<Party> found = search.apply(new PartyQuery(record.name(), record.vatNumber(), domain, null, 5));
                return new Suggestions(heading, found.stream().map(p -> new Suggestion(p.number(),
                        p.name() + " (" + p.number() + (p.vatNumber() == null ? "" : ", " + p.vatNumber()) + ")")).toList(), null);
            } catch (ErpGatewayException e) {
                return failed(texts.get("customer.noSuggestions", e.getMessage()));
            }
        }
    }

    /**
     * The means to link: the ERP number; with {@code create}, creating the customer or supplier in the
     * ERP from the record (name, optional number and VAT number: nothing else crosses over; the key is
     * made once for the form, so a second click answers the same party); the suggestions, asked for
     * only when the forms are written (a linked record never pays for them).
     */
    public Content unlinked(boolean create, String name, String vatNumber, Supplier<Suggestions> suggestions) {
        return out -> {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("f", this);
            parameters.put("create", create);
            parameters.put("name", name);
            parameters.put("vatNumber", vatNumber);
            Suggestions s = suggestions == null ? null : suggestions.get();
            if (s != null) {
                parameters.put("suggested", s.heading());
                parameters.put("suggestions", s.found());
                parameters.put("noSuggestions", s.failure());
            }
            Views.content("view/linkForms.jte", parameters).writeTo(out);
        };
    }

    /** An Unlink button. */
    public Content unlink(String number) {
        return Views.content("view/unlink.jte", Map.of("f", this, "number", number));
    }
}
