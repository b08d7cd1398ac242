package org.erpinsight.crm.api.links;

import java.util.List;
import java.util.Optional;

import org.erpinsight.crm.api.host.RecordRef;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps the links. Per source and kind a record has at most one link, and an ERP number at
 * most one record; every change is written to the audit log in the same transaction.
 */
@ProviderType
public interface LinkService {

    /**
     * Links the record, or moves its existing link to another number.
     *
     * @throws LinkConflictException if the number is already linked to another record
     * @throws IllegalArgumentException if the number or source is malformed
     */
    Link link(RecordRef record, String source, LinkKind kind, String erpNumber, String actor, String reason);

    /** Removes the record's link; false if it had none. */
    boolean unlink(RecordRef record, String source, LinkKind kind, String actor, String reason);

    /**
     * Links the record, or moves its link, as {@code edit} says: with its origin in the audit log, and,
     * when the edit names the version it was made on, only if the link is still at that version.
     *
     * @throws StaleLinkException if the link changed since the version the edit names
     * @throws LinkConflictException if the number is already linked to another record
     * @throws IllegalArgumentException if the number or source is malformed
     * @since 1.2
     */
    Link link(RecordRef record, String source, LinkKind kind, String erpNumber, LinkEdit edit);

    /**
     * Removes the record's link as {@code edit} says; false if it had none.
     *
     * @throws StaleLinkException if the link changed since the version the edit names
     * @since 1.2
     */
    boolean unlink(RecordRef record, String source, LinkKind kind, LinkEdit edit);

    Optional<Link> linkOf(RecordRef record, String source, LinkKind kind);

    List<Link> linksOf(RecordRef record);

    Optional<Link> linkTo(String source, LinkKind kind, String erpNumber);

    /** The record's audit log, newest first. */
    List<LinkChange> history(RecordRef record);

    /**
     * Every link, a page at a time in a stable order (record type, record id, source, kind): for feeds
     * and exports. {@code source} and {@code kind} narrow it when not null.
     *
     * @since 1.1
     */
    List<Link> links(String source, LinkKind kind, int offset, int limit);

    /**
     * The whole audit log, oldest first, a page at a time: for exports.
     *
     * @since 1.4
     */
    List<LinkChange> changes(int offset, int limit);

    /**
     * The newest entries of the audit log, newest first, at most {@code limit}.
     *
     * @since 1.5
     */
    List<LinkChange> latestChanges(int limit);
}
