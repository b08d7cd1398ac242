package org.erpinsight.crm.api.links;

import java.time.Instant;
import java.util.List;

import org.erpinsight.crm.api.host.RecordRef;

/** A link that waits for a person in the review queue: the record, the ERP party it may be, the score and its reasons. */
public record Suggestion(long id, RecordRef record, String recordName, String source, LinkKind kind, String erpNumber, String erpName,
                         double score, List<String> reasons, Instant createdAt) {
    public Suggestion {
        reasons = List.copyOf(reasons);
    }
}
