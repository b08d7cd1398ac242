package org.erpinsight.crm.api.links;

/**
 * Who changes a link, why, where the change comes from, and which version of the link they saw.
 *
 * @param actor the acting user (1-100 characters)
 * @param reason why, for the audit log (may be null)
 * @param origin where the change comes from
 * @param expectedVersion the link's version the change was made on: {@code null} applies the change whatever the
 *        link is now; {@code 0} requires that the record has no such link; any other number requires that the
 *        link is still at that version (optimistic locking: a concurrent change makes this one fail with
 *        {@link StaleLinkException} instead of being overwritten)
 */
public record LinkEdit(String actor, String reason, LinkOrigin origin, Long expectedVersion) {
    public LinkEdit {
        if (origin == null) {
            throw new IllegalArgumentException("A link change needs its origin");
        }
    }

    /** A change by a user, applied whatever the link is now. */
    public static LinkEdit manual(String actor, String reason) {
        return new LinkEdit(actor, reason, LinkOrigin.MANUAL, null);
    }

    /** The same change, made only if the link is still at {@code version} (0: only if there is none). */
    public LinkEdit ifAt(long version) {
        return new LinkEdit(actor, reason, origin, version);
    }
}
