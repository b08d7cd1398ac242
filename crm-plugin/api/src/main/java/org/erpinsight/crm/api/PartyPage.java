package org.erpinsight.crm.api;

import java.util.List;

/** One page of an ERP's parties in number order; {@code total} counts them all. */
public record PartyPage(int offset, int limit, int total, List<Party> parties) {
    public PartyPage {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }
}
