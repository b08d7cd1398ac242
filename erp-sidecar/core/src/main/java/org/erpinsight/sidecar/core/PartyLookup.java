package org.erpinsight.sidecar.core;

import java.util.List;
import java.util.Objects;

/** Use cases: find a customer or supplier by number, search them for linking, page through parties. */
public final class PartyLookup {
    public static final int DEFAULT_SEARCH_LIMIT = 20;
    public static final int MAX_SEARCH_LIMIT = 100;
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;

    private final ErpAdapter erp;

    public PartyLookup(ErpAdapter erp) {
        this.erp = Objects.requireNonNull(erp);
    }

    public Party customer(String number) {
        String checked = Inputs.partyNumber(number);
        return ErpCalls.call(() -> erp.customer(checked))
                .orElseThrow(() -> new ErpException(ErrorCode.CUSTOMER_NOT_FOUND, "No customer with number " + checked));
    }

    public Party supplier(String number) {
        String checked = Inputs.partyNumber(number);
        return ErpCalls.call(() -> erp.supplier(checked))
                .orElseThrow(() -> new ErpException(ErrorCode.SUPPLIER_NOT_FOUND, "No supplier with number " + checked));
    }

    public List<Party> searchCustomers(String name, String vatNumber, String emailDomain, String phone, Integer limit) {
        PartyQuery query = query(name, vatNumber, emailDomain, phone, limit);
        return ErpCalls.call(() -> erp.searchCustomers(query));
    }

    public List<Party> searchSuppliers(String name, String vatNumber, String emailDomain, String phone, Integer limit) {
        PartyQuery query = query(name, vatNumber, emailDomain, phone, limit);
        return ErpCalls.call(() -> erp.searchSuppliers(query));
    }

    private static PartyQuery query(String name, String vatNumber, String emailDomain, String phone, Integer limit) {
        PartyQuery query = new PartyQuery(
                Inputs.optionalText("name", name, Inputs.MAX_TEXT),
                Inputs.optionalText("vatNumber", vatNumber, 40),
                Inputs.optionalText("emailDomain", emailDomain, Inputs.MAX_TEXT),
                Inputs.optionalText("phone", phone, 40),
                Inputs.limit(limit, DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT));
        if (query.name() == null && query.vatNumber() == null && query.emailDomain() == null && query.phone() == null) {
            throw new ErpException(ErrorCode.INVALID_REQUEST,
                    "Give at least one of name, vatNumber, emailDomain or phone");
        }
        if (query.name() != null && query.name().length() < 2) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "name must have at least 2 characters");
        }
        return query;
    }

    public PartyPage parties(PartyKind kind, Integer offset, Integer limit) {
        if (kind == null) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "kind is required: CUSTOMER or SUPPLIER");
        }
        int checkedOffset = Inputs.offset(offset);
        int checkedLimit = Inputs.limit(limit, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        return ErpCalls.call(() -> erp.parties(kind, checkedOffset, checkedLimit));
    }

    /** Parses a party kind as sent by a client; unknown values are a client error, not a 500. */
    public static PartyKind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PartyKind.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ErpException(ErrorCode.INVALID_REQUEST,
                    "kind must be CUSTOMER or SUPPLIER, not '" + Inputs.shorten(value) + "'");
        }
    }
}
