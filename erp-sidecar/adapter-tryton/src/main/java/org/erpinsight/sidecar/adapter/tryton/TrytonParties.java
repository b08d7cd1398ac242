package org.erpinsight.sidecar.adapter.tryton;

import static org.erpinsight.sidecar.adapter.tryton.TrytonClient.list;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.erpinsight.sidecar.core.PartyQuery;
import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;
import org.erpinsight.sidecar.core.Party;
import org.erpinsight.sidecar.core.PartyKind;
import org.erpinsight.sidecar.core.PartyPage;
import org.erpinsight.sidecar.core.WriteRequest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tryton's parties as customers and suppliers. Tryton has no such flag, so the sidecar reads
 * it from the party's business: a customer has sales or customer invoices, a supplier has
 * purchases or supplier invoices (cancelled ones do not count). Configured category names
 * narrow the lists down to the parties filed under them. Looking a party up by its code finds
 * it whatever its categories; only a party known solely as the other kind is not found. The
 * party's code is the contract's number.
 */
final class TrytonParties {
    static final List<String> FIELDS = List.of("code", "name", "identifiers.code", "contact_mechanisms.type",
            "contact_mechanisms.value", "addresses.postal_code", "addresses.city", "addresses.country.code");
    /** Identifiers with this prefix hold the idempotency key (and request fingerprint) of the write that made the party. */
    static final String KEY_PREFIX = "erpinsight-request:";

    private final TrytonClient tryton;
    private final TrytonSettings.Roles roles;
    private final Clock clock;
    private final Map<PartyKind, Members> members = new ConcurrentHashMap<>();
    private volatile String currency;

    TrytonParties(TrytonClient tryton, TrytonSettings.Roles roles, Clock clock) {
        this.tryton = tryton;
        this.roles = roles;
        this.clock = clock;
    }

    /** The parties of one kind as last read, and when. */
    private record Members(Set<Integer> ids, Instant readAt) {
    }

    /** Where Tryton keeps a kind's business: its invoice type and its order model. */
    private static String invoiceType(PartyKind kind) {
        return kind == PartyKind.CUSTOMER ? "out" : "in";
    }

    private static String orderModel(PartyKind kind) {
        return kind == PartyKind.CUSTOMER ? "sale.sale" : "purchase.purchase";
    }

    private List<String> categories(PartyKind kind) {
        return kind == PartyKind.CUSTOMER ? roles.customerCategories() : roles.supplierCategories();
    }

    private static PartyKind other(PartyKind kind) {
        return kind == PartyKind.CUSTOMER ? PartyKind.SUPPLIER : PartyKind.CUSTOMER;
    }

    /** Whether the party has business of this kind in Tryton: one bounded search each. */
    private boolean hasBusiness(PartyKind kind, int partyId) {
        return !tryton.model("account.invoice", "search", list(list("party", "=", partyId), list("type", "=", invoiceType(kind)),
                list("state", "!=", "cancelled")), 0, 1, null).isEmpty()
                || !tryton.model(orderModel(kind), "search", list(list("party", "=", partyId), list("state", "!=", "cancelled")),
                        0, 1, null).isEmpty();
    }

    /** A party looked up by code is of the kind asked unless Tryton knows it only as the other kind. */
    boolean mayBe(PartyKind kind, int partyId) {
        return hasBusiness(kind, partyId) || !hasBusiness(other(kind), partyId);
    }

    /** Every party of the kind (kept for a while: reading them means reading every invoice's and order's party). */
    Set<Integer> members(PartyKind kind) {
        Instant now = clock.instant();
        Members known = members.get(kind);
        if (known != null && known.readAt().plus(roles.cacheFor()).isAfter(now)) {
            return known.ids();
        }
        Set<Integer> ids = new HashSet<>();
        tryton.model("account.invoice", "search_read", list(list("type", "=", invoiceType(kind)), list("state", "!=", "cancelled")),
                0, null, null, list("party")).forEach(row -> ids.add(row.get("party").asInt()));
        tryton.model(orderModel(kind), "search_read", list(list("state", "!=", "cancelled")), 0, null, null, list("party"))
                .forEach(row -> ids.add(row.get("party").asInt()));
        if (!categories(kind).isEmpty()) {
            Set<Integer> filed = new HashSet<>();
            tryton.model("party.party", "search", list(list("categories.name", "in", categories(kind))), 0, null, null)
                    .forEach(id -> filed.add(id.asInt()));
            ids.retainAll(filed);
        }
        Set<Integer> frozen = Set.copyOf(ids);
        members.put(kind, new Members(frozen, now));
        return frozen;
    }

    private List<Object> memberDomain(PartyKind kind) {
        return list("id", "in", new ArrayList<>(members(kind)));
    }

    String currency() {
        if (currency == null) {
            JsonNode company = tryton.model("company.company", "read", list(tryton.context().get("company").asInt()),
                    list("currency.code"));
            currency = company.get(0).path("currency.").path("code").asText("EUR");
        }
        return currency;
    }

    /** The party's Tryton id, its contract form, and the row as read (with any extra fields asked for). */
    record Found(int id, Party party, JsonNode row) {
    }

    Optional<Found> find(PartyKind kind, String number, String... extraFields) {
        return findByCode(kind, number, extraFields).filter(found -> mayBe(kind, found.id()));
    }

    /**
     * The party with the code, not yet checked to be of the kind: for callers that read the
     * party's business anyway and call {@link #mayBe} only when they found none (one round trip
     * fewer for the common case).
     */
    Optional<Found> findByCode(PartyKind kind, String number, String... extraFields) {
        List<String> fields = new ArrayList<>(FIELDS);
        fields.addAll(List.of(extraFields));
        JsonNode rows = tryton.model("party.party", "search_read", list(list("code", "=", number)), 0, 1, null, fields);
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Found(rows.get(0).get("id").asInt(), party(rows.get(0), kind), rows.get(0)));
    }

    Party party(JsonNode row, PartyKind kind) {
        String email = null;
        String phone = null;
        for (JsonNode mechanism : row.path("contact_mechanisms.")) {
            String type = mechanism.path("type").asText();
            if (email == null && type.equals("email")) {
                email = mechanism.path("value").asText();
            } else if (phone == null && (type.equals("phone") || type.equals("mobile"))) {
                phone = mechanism.path("value").asText();
            }
        }
        String vat = null;
        for (JsonNode identifier : row.path("identifiers.")) {
            String code = identifier.path("code").asText();
            if (!code.startsWith(KEY_PREFIX)) {
                vat = code;
                break;
            }
        }
        JsonNode address = row.path("addresses.").path(0);
        return new Party(row.get("code").asText(), kind, row.get("name").asText(), vat, email, phone,
                text(address.path("postal_code")), text(address.path("city")), text(address.path("country.").path("code")),
                currency(), false);
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    /** Customers or suppliers by name, VAT number, email domain and phone, best match first. */
    List<Party> search(PartyKind kind, PartyQuery q) {
        List<Object> any = list("OR");
        if (q.name() != null) {
            any.add(list("name", "ilike", "%" + q.name() + "%"));
        }
        if (q.vatNumber() != null) {
            any.add(list("identifiers.code", "=", q.vatNumber().replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT)));
        }
        if (q.emailDomain() != null) {
            any.add(list("contact_mechanisms.value", "ilike", "%@" + q.emailDomain().replaceFirst("^.*@", "")));
        }
        String digits = q.phone() == null ? "" : q.phone().replaceAll("[^0-9]", "");
        if (digits.length() >= 6) {
            // stored numbers carry spaces: match the last eight digits with anything between them
            String tail = digits.substring(Math.max(0, digits.length() - 8));
            any.add(list("contact_mechanisms.value", "like", "%" + String.join("%", tail.split("")) ));
        }
        if (any.size() == 1) {
            return List.of();
        }
        JsonNode rows = tryton.model("party.party", "search_read", list(memberDomain(kind), any), 0,
                Math.max(50, q.limit() * 5), null, FIELDS);
        record Scored(Party party, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (JsonNode row : rows) {
            Party p = party(row, kind);
            int score = 0;
            if (q.vatNumber() != null && q.vatNumber().replaceAll("[\\s.\\-]", "").equalsIgnoreCase(p.vatNumber())) {
                score += 100;
            }
            if (q.emailDomain() != null && p.email() != null && p.email().toLowerCase(Locale.ROOT).endsWith("@" + q.emailDomain().toLowerCase(Locale.ROOT))) {
                score += 40;
            }
            if (digits.length() >= 6 && p.phone() != null && p.phone().replaceAll("[^0-9]", "").endsWith(digits.substring(Math.max(0, digits.length() - 8)))) {
                score += 30;
            }
            if (q.name() != null && p.name().toLowerCase(Locale.ROOT).contains(q.name().toLowerCase(Locale.ROOT))) {
                score += p.name().equalsIgnoreCase(q.name()) ? 50 : 10;
            }
            scored.add(new Scored(p, score));
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.party().number()))
                .limit(q.limit()).map(Scored::party).toList();
    }

    PartyPage page(PartyKind kind, int offset, int limit) {
        List<Object> domain = list(memberDomain(kind));
        int total = members(kind).size();
        JsonNode rows = tryton.model("party.party", "search_read", domain, offset, limit, list(list("code", "ASC"), list("id", "ASC")),
                FIELDS);
        List<Party> parties = new ArrayList<>();
        rows.forEach(row -> parties.add(party(row, kind)));
        return new PartyPage(offset, limit, total, parties);
    }

    Party create(PartyKind kind, String name, String number, String vatNumber, WriteRequest write) {
        String marker = KEY_PREFIX + write.idempotencyKey() + ":" + write.fingerprint();
        JsonNode earlier = tryton.model("party.party", "search_read",
                list(list("identifiers.code", "like", KEY_PREFIX + write.idempotencyKey() + ":%")), 0, 1, null,
                list("code", "identifiers.code", "categories"));
        if (!earlier.isEmpty()) {
            boolean same = false;
            for (JsonNode identifier : earlier.get(0).path("identifiers.")) {
                same |= identifier.path("code").asText().equals(marker);
            }
            if (!same) {
                throw new ErpException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "This idempotency key was used for another request"
                        + " (it created party " + earlier.get(0).path("code").asText() + ")");
            }
            return find(kind, earlier.get(0).path("code").asText()).map(Found::party)
                    .orElseThrow(() -> new ErpException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "The key made a party of the other kind"));
        }
        if (number != null && !tryton.model("party.party", "search", list(list("code", "=", number)), 0, 1, null).isEmpty()) {
            throw new ErpException(ErrorCode.DUPLICATE_NUMBER, "Tryton already has a party with code " + number);
        }
        List<Object> identifiers = new ArrayList<>();
        if (vatNumber != null) {
            identifiers.add(Map.of("code", vatNumber.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT)));
        }
        identifiers.add(Map.of("code", marker));
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("name", name);
        if (number != null) {
            values.put("code", number);
        }
        values.put("identifiers", list(list("create", identifiers)));
        if (!categories(kind).isEmpty()) {
            // filed under the kind's first configured category, as the company files its own
            JsonNode category = tryton.model("party.category", "search", list(list("name", "=", categories(kind).get(0))), 0, 1, null);
            if (!category.isEmpty()) {
                values.put("categories", list(list("add", list(category.get(0).asInt()))));
            }
        }
        int id = tryton.model("party.party", "create", list(values)).get(0).asInt();
        JsonNode row = tryton.model("party.party", "read", list(id), FIELDS).get(0);
        return party(row, kind);
    }
}
