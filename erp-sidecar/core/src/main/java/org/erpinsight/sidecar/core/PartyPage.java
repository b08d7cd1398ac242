package org.erpinsight.sidecar.core;

import java.util.List;

/** One page of parties ordered by number; {@code total} counts all parties of the kind. */
public record PartyPage(int offset, int limit, int total, List<Party> parties) {

    public PartyPage {
        parties = List.copyOf(parties);
    }
}
