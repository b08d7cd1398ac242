package org.erpinsight.crm.links;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.PartyKind;
import org.erpinsight.crm.api.PartyPage;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.RecordDirectory;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordType;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkConflictException;
import org.erpinsight.crm.api.links.LinkEdit;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkOrigin;
import org.erpinsight.crm.api.links.LinkService;
import org.erpinsight.crm.api.links.LinkSuggestions;
import org.erpinsight.crm.api.links.StaleLinkException;
import org.erpinsight.crm.api.links.Suggestion;
import org.erpinsight.crm.api.links.SuggestionRun;
import org.erpinsight.crm.links.matching.Candidate;
import org.erpinsight.crm.links.matching.Matching;
import org.erpinsight.crm.links.matching.PartyFacts;
import org.erpinsight.crm.links.matching.PartyIndex;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Bulk suggestions, run on a thread of their own (never a request's): the ERP's parties of a source
 * and kind are read page by page and indexed; then every company and contact of the CRM's directory,
 * page by page, is matched unless it is linked already. A clear match is linked at once; any other
 * best candidate waits in the review queue. The run's place (record type and offset) and counts are
 * written every {@value #SAVE_EVERY} records: a run that was going when the CRM stopped goes on from
 * there when it starts again (the parties are read again: the ERP may have changed). Cancelling
 * stops it after the record at hand.
 */
@Component(service = LinkSuggestions.class, configurationPid = LinkStoreConfiguration.PID)
public class SuggestionRuns implements LinkSuggestions {
    private static final Logger LOG = Logger.getLogger(SuggestionRuns.class.getName());
    static final int SAVE_EVERY = 100;
    private static final int PAGE = 500;
    private static final List<RecordType> MATCHED = List.of(RecordType.COMPANY, RecordType.CONTACT);

    private final LinkDatabase db;
    private final LinkService links;
    private final ErpGateway gateway;
    private final RecordDirectory directory;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "erp-insight-suggestions");
        t.setDaemon(true);
        return t;
    });
    private volatile long cancelled = -1;
    private volatile long going = -1;
    /** The rate since the run (re)started: records done then, and when. */
    private volatile long rateFromDone;
    private volatile long rateFromNanos;

    @Activate
    public SuggestionRuns(BundleContext context, LinkStoreConfiguration config, @Reference LinkService links, @Reference ErpGateway gateway,
                          @Reference RecordDirectory directory) {
        this(LinkDatabase.of(context, config), links, gateway, directory, Clock.systemUTC());
    }

    SuggestionRuns(LinkDatabase db, LinkService links, ErpGateway gateway, RecordDirectory directory, Clock clock) {
        this.db = db;
        this.links = links;
        // a run reads every party of the ERP: it waits behind page views
        this.gateway = gateway.background();
        this.directory = directory;
        this.clock = clock;
        // a run that was going when the CRM stopped goes on
        run().filter(r -> r.state() == SuggestionRun.State.RUNNING).ifPresent(r -> launch(r.id()));
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized SuggestionRun start(String source, LinkKind kind, double threshold, String actor) {
        if (kind == LinkKind.PROJECT) {
            throw new IllegalArgumentException("Bulk suggestions link customers and suppliers; projects are linked one by one");
        }
        if (!(threshold >= 0.3 && threshold <= 1)) {
            throw new IllegalArgumentException("The threshold is a score from 0.3 to 1");
        }
        if (actor == null || actor.isBlank() || source == null || source.isBlank()) {
            throw new IllegalArgumentException("A run needs a source and the acting user");
        }
        if (run().filter(r -> r.state() == SuggestionRun.State.RUNNING).isPresent()) {
            throw new IllegalStateException("A suggestion run is going; cancel it or wait for it");
        }
        Instant now = clock.instant();
        long id = sql(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO suggestion_run (source, kind, threshold, actor, state, phase, done_count,"
                    + " total_count, linked_count, queued_count, cursor_type, cursor_offset, started_at, updated_at) VALUES (?, ?, ?, ?,"
                    + " 'RUNNING', 'starting', 0, 0, 0, 0, ?, 0, ?, ?)", new String[] {"ID"})) {
                s.setString(1, source);
                s.setString(2, kind.name());
                s.setDouble(3, threshold);
                s.setString(4, actor);
                s.setString(5, MATCHED.get(0).name());
                s.setTimestamp(6, Timestamp.from(now));
                s.setTimestamp(7, Timestamp.from(now));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        launch(id);
        return run().orElseThrow();
    }

    private void launch(long id) {
        going = id;
        worker.submit(() -> {
            try {
                work(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Suggestion run " + id + " failed", e);
                finish(id, SuggestionRun.State.FAILED, e.getMessage());
            } finally {
                going = -1;
            }
        });
    }

    private void work(long id) {
        SuggestionRun run = load(id).orElseThrow();
        PartyKind partyKind = run.kind() == LinkKind.SUPPLIER ? PartyKind.SUPPLIER : PartyKind.CUSTOMER;
        phase(id, "reading the ERP's parties");
        List<PartyFacts> parties = new ArrayList<>();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (int offset = 0; ; offset += PAGE) {
            PartyPage page = gateway.parties(run.source(), partyKind, offset, PAGE);
            for (Party p : page.parties()) {
                parties.add(new PartyFacts(p.number(), p.name(), p.vatNumber(), p.email(), p.phone(), p.postcode(), p.countryCode()));
                names.put(p.number(), p.name());
            }
            if (page.parties().size() < PAGE || cancelled == id) {
                break;
            }
        }
        PartyIndex index = new PartyIndex(parties);
        int total = 0;
        for (RecordType type : MATCHED) {
            for (int offset = 0; ; offset += PAGE) {
                int n = directory.page(type, offset, PAGE).size();
                total += n;
                if (n < PAGE) {
                    break;
                }
            }
        }
        Cursor at = cursor(id);
        int done = at.done;
        int linked = at.linked;
        int queued = at.queued;
        rateFromDone = done;
        rateFromNanos = System.nanoTime();
        save(id, "matching", done, total, linked, queued, at.type, at.offset);
        for (int t = MATCHED.indexOf(at.type); t < MATCHED.size(); t++) {
            RecordType type = MATCHED.get(t);
            int offset = type == at.type ? at.offset : 0;
            while (true) {
                List<CrmRecord> page = directory.page(type, offset, PAGE);
                for (CrmRecord record : page) {
                    if (cancelled == id || Thread.currentThread().isInterrupted()) {
                        save(id, "cancelled", done, total, linked, queued, type, offset);
                        finish(id, cancelled == id ? SuggestionRun.State.CANCELLED : SuggestionRun.State.RUNNING,
                                cancelled == id ? "Cancelled" : null);
                        return;
                    }
                    switch (suggest(run, index, names, record)) {
                        case LINKED -> linked++;
                        case QUEUED -> queued++;
                        default -> { }
                    }
                    done++;
                    offset++;
                    if (done % SAVE_EVERY == 0) {
                        save(id, "matching", done, total, linked, queued, type, offset);
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        save(id, "done", done, total, linked, queued, MATCHED.get(MATCHED.size() - 1), 0);
        finish(id, SuggestionRun.State.DONE, linked + " linked at once, " + queued + " to review");
    }

    private enum Outcome {
        SKIPPED, LINKED, QUEUED
    }

    /** One record: linked already (skipped), linked now, or its best candidate queued for a person. */
    private Outcome suggest(SuggestionRun run, PartyIndex index, java.util.Map<String, String> names, CrmRecord record) {
        if (links.linkOf(record.ref(), run.source(), run.kind()).isPresent()) {
            return Outcome.SKIPPED;
        }
        // a party another record holds is no candidate: its link could not be made (a contact sharing its company's domain)
        List<Candidate> top = index.candidates(new PartyFacts(record.ref().toString(), record.name(), record.vatNumber(), record.email(),
                record.phone(), record.postcode(), record.countryCode()), 5, 0.3).stream()
                .filter(c -> links.linkTo(run.source(), run.kind(), c.party().key()).isEmpty()).limit(2).toList();
        if (top.isEmpty()) {
            return Outcome.SKIPPED;
        }
        Candidate best = top.get(0);
        boolean clear = best.score() >= run.threshold() && (top.size() < 2 || best.score() - top.get(1).score() >= Matching.LEAD);
        if (clear) {
            try {
                links.link(record.ref(), run.source(), run.kind(), best.party().key(), new LinkEdit(run.actor(),
                        "suggested, score " + Math.round(best.score() * 100) + "%: " + String.join(", ", best.reasons()),
                        LinkOrigin.SUGGESTION, 0L));
                return Outcome.LINKED;
            } catch (StaleLinkException | LinkConflictException e) {
                // linked meanwhile, by someone or to someone: a person decides
            }
        }
        queue(run, record, best, names.get(best.party().key()));
        return Outcome.QUEUED;
    }

    private void queue(SuggestionRun run, CrmRecord record, Candidate best, String erpName) {
        sql(c -> {
            // a record has one waiting suggestion per source and kind: the newest run's
            update(c, "DELETE FROM link_suggestion WHERE record_type = ? AND record_id = ? AND source = ? AND kind = ? AND state = 'PENDING'",
                    record.ref().type().name(), record.ref().id(), run.source(), run.kind().name());
            update(c, "INSERT INTO link_suggestion (run_id, record_type, record_id, record_name, source, kind, erp_number, erp_name, score,"
                    + " reasons, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)", run.id(), record.ref().type().name(),
                    record.ref().id(), cut(record.name(), 200), run.source(), run.kind().name(), best.party().key(), cut(erpName, 200),
                    best.score(), cut(String.join("; ", best.reasons()), 500), Timestamp.from(clock.instant()));
            return null;
        });
    }

    @Override
    public boolean cancel(String actor) {
        Optional<SuggestionRun> run = run().filter(r -> r.state() == SuggestionRun.State.RUNNING);
        if (run.isEmpty()) {
            return false;
        }
        cancelled = run.get().id();
        if (going != run.get().id()) {
            // not going in this JVM (another node's, or one that failed to resume): mark it here
            finish(run.get().id(), SuggestionRun.State.CANCELLED, "Cancelled by " + actor);
        }
        return true;
    }

    @Override
    public Optional<SuggestionRun> run() {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT MAX(id) FROM suggestion_run"); ResultSet rs = s.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? Optional.<Long>empty() : Optional.of(id);
            }
        }).flatMap(this::load);
    }

    private Optional<SuggestionRun> load(long id) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM suggestion_run WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    SuggestionRun.State state = SuggestionRun.State.valueOf(rs.getString("state"));
                    int done = rs.getInt("done_count");
                    int total = rs.getInt("total_count");
                    double rate = 0;
                    long left = -1;
                    if (state == SuggestionRun.State.RUNNING && going == id && rateFromNanos > 0) {
                        double seconds = (System.nanoTime() - rateFromNanos) / 1e9;
                        rate = seconds > 0.5 ? (done - rateFromDone) / seconds : 0;
                        left = rate > 0 ? Math.round((total - done) / rate) : -1;
                    }
                    return Optional.of(new SuggestionRun(id, rs.getString("source"), LinkKind.valueOf(rs.getString("kind")),
                            rs.getDouble("threshold"), rs.getString("actor"), state, rs.getString("phase"), done, total,
                            rs.getInt("linked_count"), rs.getInt("queued_count"), rs.getTimestamp("started_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant(), rate, left, rs.getString("message")));
                }
            }
        });
    }

    private record Cursor(RecordType type, int offset, int done, int linked, int queued) {
    }

    private Cursor cursor(long id) {
        return sql(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM suggestion_run WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Cursor(RecordType.valueOf(rs.getString("cursor_type")), rs.getInt("cursor_offset"), rs.getInt("done_count"),
                            rs.getInt("linked_count"), rs.getInt("queued_count"));
                }
            }
        });
    }

    private void phase(long id, String phase) {
        sql(c -> update(c, "UPDATE suggestion_run SET phase = ?, updated_at = ? WHERE id = ?", phase, Timestamp.from(clock.instant()), id));
    }

    private void save(long id, String phase, int done, int total, int linked, int queued, RecordType type, int offset) {
        sql(c -> update(c, "UPDATE suggestion_run SET phase = ?, done_count = ?, total_count = ?, linked_count = ?, queued_count = ?,"
                + " cursor_type = ?, cursor_offset = ?, updated_at = ? WHERE id = ?", phase, done, total, linked, queued, type.name(), offset,
                Timestamp.from(clock.instant()), id));
    }

    private void finish(long id, SuggestionRun.State state, String message) {
        sql(c -> update(c, "UPDATE suggestion_run SET state = ?, message = ?, updated_at = ? WHERE id = ?", state.name(), cut(message, 500),
                Timestamp.from(clock.instant()), id));
    }

    @Override
    public List<Suggestion> queue(String source, LinkKind kind, double minScore, int offset, int limit) {
        return sql(c -> suggestions(c, "SELECT * FROM link_suggestion WHERE state = 'PENDING' AND source = ? AND kind = ? AND score >= ?"
                + " ORDER BY score DESC, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", source, kind.name(), minScore, Math.max(0, offset),
                Math.max(1, Math.min(1000, limit))));
    }

    @Override
    public Link accept(long suggestion, String actor) {
        Suggestion s = pending(suggestion).orElseThrow(() -> new NoSuchElementException("No suggestion " + suggestion + " waits"));
        Link link = links.link(s.record(), s.source(), s.kind(), s.erpNumber(), new LinkEdit(actor,
                "suggestion accepted, score " + Math.round(s.score() * 100) + "%: " + String.join("; ", s.reasons()), LinkOrigin.SUGGESTION, 0L));
        decide(suggestion, "ACCEPTED", actor);
        return link;
    }

    @Override
    public boolean reject(long suggestion, String actor) {
        return pending(suggestion).isPresent() && decide(suggestion, "REJECTED", actor);
    }

    @Override
    public int acceptAbove(String source, LinkKind kind, double minScore, String actor) {
        int accepted = 0;
        for (Suggestion s : queue(source, kind, minScore, 0, 1000)) {
            try {
                accept(s.id(), actor);
                accepted++;
            } catch (StaleLinkException | LinkConflictException | NoSuchElementException e) {
                // linked meanwhile or taken: it stays for a person
            }
        }
        return accepted;
    }

    private Optional<Suggestion> pending(long id) {
        return sql(c -> suggestions(c, "SELECT * FROM link_suggestion WHERE id = ? AND state = 'PENDING'", id)).stream().findFirst();
    }

    private boolean decide(long id, String state, String actor) {
        return sql(c -> update(c, "UPDATE link_suggestion SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = 'PENDING'",
                state, actor, Timestamp.from(clock.instant()), id)) == 1;
    }

    private static List<Suggestion> suggestions(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Suggestion> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String reasons = rs.getString("reasons");
                    list.add(new Suggestion(rs.getLong("id"), new RecordRef(RecordType.valueOf(rs.getString("record_type")), rs.getString("record_id")),
                            rs.getString("record_name"), rs.getString("source"), LinkKind.valueOf(rs.getString("kind")), rs.getString("erp_number"),
                            rs.getString("erp_name"), rs.getDouble("score"), reasons == null ? List.of() : Arrays.asList(reasons.split("; ")),
                            rs.getTimestamp("created_at").toInstant()));
                }
            }
            return list;
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        return LinkDatabase.update(c, sql, args);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private <T> T sql(LinkDatabase.Work<T> work) {
        try {
            return db.transaction(work);
        } catch (SQLException e) {
            throw new IllegalStateException("The link database failed: " + e.getMessage(), e);
        }
    }
}
