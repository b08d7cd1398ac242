package org.erpinsight.crm.links.matching;

import java.util.List;

/** An ERP party the record may be, with its score (0 to 1) and the reasons for it, in words an admin reads. */
public record Candidate(PartyFacts party, double score, List<String> reasons) {
}
