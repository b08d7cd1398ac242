package org.erpinsight.crm.api.links;

import java.time.Instant;

import org.erpinsight.crm.api.host.RecordRef;

/** A CRM record joined to one ERP number of one kind in one source (a configured sidecar). */
public record Link(RecordRef record, String source, LinkKind kind, String erpNumber, Instant createdAt,
                   String createdBy) {
}
