package org.erpinsight.crm.api.links;

import java.time.Instant;

import org.erpinsight.crm.api.host.RecordRef;

/** One entry of the link audit log: who changed which link, when, from what to what, why, and where the change came from. */
public record LinkChange(Instant at, String actor, Action action, RecordRef record, String source, LinkKind kind,
                         String previousNumber, String newNumber, String reason, LinkOrigin origin) {

    /**
     * An entry of a manual change.
     *
     * @deprecated since 1.2: every entry has its origin
     */
    @Deprecated
    public LinkChange(Instant at, String actor, Action action, RecordRef record, String source, LinkKind kind, String previousNumber,
                      String newNumber, String reason) {
        this(at, actor, action, record, source, kind, previousNumber, newNumber, reason, LinkOrigin.MANUAL);
    }

    public enum Action {
        LINKED, RELINKED, UNLINKED
    }
}
