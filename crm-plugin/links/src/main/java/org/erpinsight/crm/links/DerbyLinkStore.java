package org.erpinsight.crm.links;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordType;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkChange;
import org.erpinsight.crm.api.links.LinkConflictException;
import org.erpinsight.crm.api.links.LinkEdit;
import org.erpinsight.crm.api.links.LinkOrigin;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.api.links.StaleLinkException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The link store on Derby, embedded or on a network server that several CRM nodes share. A link
 * and its audit entry are written in one transaction; the one-to-one rule and the version an edit
 * was made on are checked inside it (optimistic locking: a concurrent change makes an edit fail,
 * never lost). Transactions that Derby aborts for a deadlock or a lock timeout are run again.
 */
@Component(service = LinkService.class, configurationPid = LinkStoreConfiguration.PID)
@Designate(ocd = LinkStoreConfiguration.class)
public class DerbyLinkStore implements LinkService {
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,31}");
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private final LinkDatabase db;
    /**
     * Every tab of a page asks for its record's link: answered from memory for a few seconds, and
     * forgotten at once when this store changes the link. (Another node writing to a shared store
     * is seen after at most {@link #REMEMBER_NANOS}.)
     */
    private final java.util.concurrent.ConcurrentHashMap<List<Object>, Remembered> remembered = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long REMEMBER_NANOS = 5_000_000_000L;
    private static final int REMEMBER_MAX = 20_000;

    private record Remembered(Optional<Link> link, long until) {
    }
    private final boolean allowManyRecordsPerNumber;
    private final Clock clock;

    @Activate
    public DerbyLinkStore(BundleContext context, LinkStoreConfiguration config) {
        this(LinkDatabase.of(context, config), config.allowManyRecordsPerNumber(), Clock.systemUTC());
    }

    DerbyLinkStore(Path directory, boolean allowManyRecordsPerNumber, Clock clock) {
        this(LinkDatabase.embedded(directory), allowManyRecordsPerNumber, clock);
    }

    DerbyLinkStore(LinkDatabase db, boolean allowManyRecordsPerNumber, Clock clock) {
        this.db = db;
        this.allowManyRecordsPerNumber = allowManyRecordsPerNumber;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() {
        db.shutdown();
    }

    @Override
    public Link link(RecordRef record, String source, LinkKind kind, String erpNumber, String actor, String reason) {
        return link(record, source, kind, erpNumber, LinkEdit.manual(actor, reason));
    }

    @Override
    public synchronized Link link(RecordRef record, String source, LinkKind kind, String erpNumber, LinkEdit edit) {
        try {
            return write(record, source, kind, erpNumber, edit);
        } finally {
            // also after: a lookup during the write may have remembered the old link
            forget(record, source, kind);
        }
    }

    /** Refuses an edit made on another version of the link than the one stored now. */
    private static void expect(LinkEdit edit, Optional<Link> existing, RecordRef record, LinkKind kind) {
        Long expected = edit.expectedVersion();
        if (expected == null) {
            return;
        }
        long now = existing.map(Link::version).orElse(0L);
        if (now != expected) {
            throw new StaleLinkException("The " + kind.name().toLowerCase(java.util.Locale.ROOT) + " link of " + record
                    + " is at version " + now + ", not " + expected + ": it changed meanwhile", existing.orElse(null));
        }
    }

    private Link write(RecordRef record, String source, LinkKind kind, String erpNumber, LinkEdit edit) {
        String actor = edit.actor();
        check(record, source, kind, actor);
        if (erpNumber == null || !NUMBER.matcher(erpNumber).matches()) {
            throw new IllegalArgumentException("An ERP number has 1-32 letters, digits, '.', '_' or '-'");
        }
        forget(record, source, kind);
        return inTransaction(c -> {
            exclusive(c);
            if (!allowManyRecordsPerNumber) {
                Optional<Link> holder = linkTo(c, source, kind, erpNumber);
                if (holder.isPresent() && !holder.get().record().equals(record)) {
                    throw new LinkConflictException(kind.name().toLowerCase(java.util.Locale.ROOT) + " " + erpNumber
                            + " in " + source + " is already linked to " + holder.get().record(), holder.get());
                }
            }
            Optional<Link> existing = linkOf(c, record, source, kind);
            expect(edit, existing, record, kind);
            if (existing.isPresent() && existing.get().erpNumber().equals(erpNumber)) {
                return existing.get();
            }
            Instant now = clock.instant();
            long version = existing.map(l -> l.version() + 1).orElse(1L);
            Link link = new Link(record, source, kind, erpNumber, now, actor, version);
            if (existing.isPresent()) {
                int changed = update(c, "UPDATE link SET erp_number = ?, created_at = ?, created_by = ?, version = ? WHERE source = ?"
                        + " AND kind = ? AND record_type = ? AND record_id = ? AND version = ?", erpNumber, Timestamp.from(now), actor,
                        version, source, kind.name(), record.type().name(), record.id(), existing.get().version());
                if (changed == 0) {
                    throw new StaleLinkException("The link of " + record + " changed meanwhile", null);
                }
            } else {
                update(c, "INSERT INTO link (source, kind, record_type, record_id, erp_number, created_at, created_by, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 1)", source, kind.name(), record.type().name(), record.id(),
                        erpNumber, Timestamp.from(now), actor);
            }
            audit(c, now, actor, existing.isPresent() ? LinkChange.Action.RELINKED : LinkChange.Action.LINKED, record,
                    source, kind, existing.map(Link::erpNumber).orElse(null), erpNumber, edit.reason(), edit.origin());
            return link;
        });
    }

    @Override
    public boolean unlink(RecordRef record, String source, LinkKind kind, String actor, String reason) {
        return unlink(record, source, kind, LinkEdit.manual(actor, reason));
    }

    @Override
    public synchronized boolean unlink(RecordRef record, String source, LinkKind kind, LinkEdit edit) {
        try {
            return remove(record, source, kind, edit);
        } finally {
            forget(record, source, kind);
        }
    }

    private boolean remove(RecordRef record, String source, LinkKind kind, LinkEdit edit) {
        check(record, source, kind, edit.actor());
        forget(record, source, kind);
        return inTransaction(c -> {
            exclusive(c);
            Optional<Link> existing = linkOf(c, record, source, kind);
            expect(edit, existing, record, kind);
            if (existing.isEmpty()) {
                return false;
            }
            int removed = update(c, "DELETE FROM link WHERE source = ? AND kind = ? AND record_type = ? AND record_id = ? AND version = ?",
                    source, kind.name(), record.type().name(), record.id(), existing.get().version());
            if (removed == 0) {
                throw new StaleLinkException("The link of " + record + " changed meanwhile", null);
            }
            audit(c, clock.instant(), edit.actor(), LinkChange.Action.UNLINKED, record, source, kind,
                    existing.get().erpNumber(), null, edit.reason(), edit.origin());
            return true;
        });
    }

    @Override
    public Optional<Link> linkOf(RecordRef record, String source, LinkKind kind) {
        List<Object> key = List.of(record, source, kind);
        long now = System.nanoTime();
        Remembered known = remembered.get(key);
        if (known != null && known.until() - now > 0) {
            return known.link();
        }
        Optional<Link> link = inTransaction(c -> linkOf(c, record, source, kind));
        if (remembered.size() >= REMEMBER_MAX) {
            remembered.clear();
        }
        remembered.put(key, new Remembered(link, now + REMEMBER_NANOS));
        return link;
    }

    private void forget(RecordRef record, String source, LinkKind kind) {
        remembered.remove(List.of(record, source, kind));
    }

    @Override
    public List<Link> linksOf(RecordRef record) {
        return inTransaction(c -> links(c, "SELECT * FROM link WHERE record_type = ? AND record_id = ?"
                + " ORDER BY source, kind", record.type().name(), record.id()));
    }

    @Override
    public Optional<Link> linkTo(String source, LinkKind kind, String erpNumber) {
        return inTransaction(c -> linkTo(c, source, kind, erpNumber));
    }

    @Override
    public List<LinkChange> history(RecordRef record) {
        return inTransaction(c -> changes(c, "SELECT * FROM link_audit WHERE record_type = ? AND record_id = ? ORDER BY id DESC",
                record.type().name(), record.id()));
    }

    @Override
    public List<LinkChange> changes(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("offset from 0, limit from 1 to 10000");
        }
        return inTransaction(c -> changes(c, "SELECT * FROM link_audit ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", offset, limit));
    }

    @Override
    public List<LinkChange> latestChanges(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit from 1 to 10000");
        }
        return inTransaction(c -> changes(c, "SELECT * FROM link_audit ORDER BY id DESC FETCH FIRST ? ROWS ONLY", limit));
    }

    private static List<LinkChange> changes(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<LinkChange> changes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(new LinkChange(rs.getTimestamp("changed_at").toInstant(), rs.getString("actor"),
                            LinkChange.Action.valueOf(rs.getString("action")),
                            new RecordRef(RecordType.valueOf(rs.getString("record_type")), rs.getString("record_id")), rs.getString("source"),
                            LinkKind.valueOf(rs.getString("kind")), rs.getString("previous_number"), rs.getString("new_number"),
                            rs.getString("reason"), LinkOrigin.valueOf(rs.getString("origin"))));
                }
            }
            return changes;
        }
    }

    @Override
    public List<Link> links(String source, LinkKind kind, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("offset from 0, limit from 1 to 10000");
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM link WHERE 1 = 1");
        if (source != null) {
            sql.append(" AND source = ?");
            args.add(source);
        }
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add(kind.name());
        }
        sql.append(" ORDER BY record_type, record_id, source, kind OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        args.add(offset);
        args.add(limit);
        return inTransaction(c -> links(c, sql.toString(), args.toArray()));
    }

    private static void check(RecordRef record, String source, LinkKind kind, String actor) {
        if (record == null || kind == null) {
            throw new IllegalArgumentException("A link needs a record and a kind");
        }
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("A source name has 1-40 letters, digits, '.', '_' or '-'");
        }
        if (actor == null || actor.isBlank() || actor.length() > 100) {
            throw new IllegalArgumentException("Every link change needs the acting user (1-100 characters)");
        }
    }

    private static Optional<Link> linkOf(Connection c, RecordRef record, String source, LinkKind kind) throws SQLException {
        return links(c, "SELECT * FROM link WHERE source = ? AND kind = ? AND record_type = ? AND record_id = ?",
                source, kind.name(), record.type().name(), record.id()).stream().findFirst();
    }

    private static Optional<Link> linkTo(Connection c, String source, LinkKind kind, String erpNumber) throws SQLException {
        return links(c, "SELECT * FROM link WHERE source = ? AND kind = ? AND erp_number = ? ORDER BY created_at",
                source, kind.name(), erpNumber).stream().findFirst();
    }

    private static List<Link> links(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<Link> links = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    links.add(new Link(new RecordRef(RecordType.valueOf(rs.getString("record_type")), rs.getString("record_id")),
                            rs.getString("source"), LinkKind.valueOf(rs.getString("kind")), rs.getString("erp_number"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getLong("version")));
                }
            }
            return links;
        }
    }

    private static void audit(Connection c, Instant at, String actor, LinkChange.Action action, RecordRef record,
                              String source, LinkKind kind, String previous, String next, String reason, LinkOrigin origin)
            throws SQLException {
        update(c, "INSERT INTO link_audit (changed_at, actor, action, record_type, record_id, source, kind, previous_number,"
                + " new_number, reason, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Timestamp.from(at), actor, action.name(),
                record.type().name(), record.id(), source, kind.name(), previous, next,
                reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason, origin.name());
    }

    /**
     * Changes are made one at a time across every node that shares the database: a change reads the
     * link and the number's holder, then writes, and two changes doing that side by side would
     * deadlock (each holding what the other reads) and wait for Derby's deadlock timeout. Reads do not
     * wait for this lock longer than a change takes.
     */
    private static void exclusive(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("LOCK TABLE link IN EXCLUSIVE MODE");
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        return LinkDatabase.update(c, sql, args);
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    private <T> T inTransaction(LinkDatabase.Work<T> work) {
        try {
            return db.transaction(work);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                // another node inserted the same link between this one's read and write
                throw new StaleLinkException("The link was made meanwhile by another change", null);
            }
            throw new IllegalStateException("The link database failed: " + e.getMessage(), e);
        }
    }
}
