package org.erpinsight.crm.api.links;

import java.time.Instant;

import org.erpinsight.crm.api.host.RecordRef;

/** A CRM record joined to one ERP number of one kind in one source (a configured sidecar). */
public record Link(RecordRef record, String source, LinkKind kind, String erpNumber, Instant createdAt,
                   String createdBy, long version) {

    /**
     * A link whose version is not known (0).
     *
     * @deprecated since 1.2: the store gives every link its version
     */
    @Deprecated
    public Link(RecordRef record, String source, LinkKind kind, String erpNumber, Instant createdAt, String createdBy) {
        this(record, source, kind, erpNumber, createdAt, createdBy, 0);
    }
}
