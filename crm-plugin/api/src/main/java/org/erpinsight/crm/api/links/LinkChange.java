package org.erpinsight.crm.api.links;

import java.time.Instant;

import org.erpinsight.crm.api.host.RecordRef;

/** One entry of the link audit log: who changed which link, when, from what to what, and why. */
public record LinkChange(Instant at, String actor, Action action, RecordRef record, String source, LinkKind kind,
                         String previousNumber, String newNumber, String reason) {

    public enum Action {
        LINKED, RELINKED, UNLINKED
    }
}
