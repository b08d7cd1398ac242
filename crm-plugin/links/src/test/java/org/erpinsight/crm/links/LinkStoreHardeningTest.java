package org.erpinsight.crm.links;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.drda.NetworkServerControl;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordType;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkChange;
import org.erpinsight.crm.api.links.LinkEdit;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkOrigin;
import org.erpinsight.crm.api.links.StaleLinkException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The store as several users and several CRM nodes use it: a versioned schema that migrates old
 * databases, optimistic locking that refuses an edit made on an old version, the origin of every
 * change in the audit log, and 10,000 concurrent edits that lose none — on embedded Derby, and on
 * a Derby network server (started here) shared by two stores as two nodes share it.
 */
public class LinkStoreHardeningTest {
    private static final int EDITS = 10_000;
    private static final int RECORDS = 40;
    private static final int THREADS = 16;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static RecordRef record(int i) {
        return new RecordRef(RecordType.COMPANY, "c-" + i);
    }

    @Test
    public void aDatabaseFromBeforeVersioningIsMigratedKeepingItsLinks() throws Exception {
        Path dir = folder.newFolder().toPath().resolve("links");
        // the database as the first release made it: the first migration's tables, no version table
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + dir + ";create=true"); Statement s = c.createStatement()) {
            for (String ddl : LinkDatabase.MIGRATIONS.get(0)) {
                s.execute(ddl);
            }
            s.execute("INSERT INTO link VALUES ('default', 'CUSTOMER', 'COMPANY', 'c-1', '10001', CURRENT_TIMESTAMP, 'ada')");
            s.execute("INSERT INTO link_audit (changed_at, actor, action, record_type, record_id, source, kind, previous_number,"
                    + " new_number, reason) VALUES (CURRENT_TIMESTAMP, 'ada', 'LINKED', 'COMPANY', 'c-1', 'default', 'CUSTOMER', NULL,"
                    + " '10001', 'before versions')");
        }
        shutdown(dir);
        DerbyLinkStore store = new DerbyLinkStore(dir, false, Clock.systemUTC());
        try {
            Link kept = store.linkOf(record(1), "default", LinkKind.CUSTOMER).orElseThrow();
            assertEquals("10001", kept.erpNumber());
            assertEquals(1, kept.version());
            assertEquals(LinkOrigin.MANUAL, store.history(record(1)).get(0).origin());
            assertEquals(LinkDatabase.MIGRATIONS.size(), LinkDatabase.embedded(dir).version());
            store.link(record(1), "default", LinkKind.CUSTOMER, "10002", new LinkEdit("bo", "moved", LinkOrigin.IMPORT, 1L));
            assertEquals(2, store.linkOf(record(1), "default", LinkKind.CUSTOMER).orElseThrow().version());
        } finally {
            store.deactivate();
        }
        // opened again: nothing left to migrate, nothing lost
        DerbyLinkStore again = new DerbyLinkStore(dir, false, Clock.systemUTC());
        try {
            assertEquals("10002", again.linkOf(record(1), "default", LinkKind.CUSTOMER).orElseThrow().erpNumber());
            assertEquals(2, again.history(record(1)).size());
        } finally {
            again.deactivate();
        }
    }

    @Test
    public void anEditMadeOnAnOldVersionIsRefusedAndEveryChangeKeepsItsOrigin() throws Exception {
        DerbyLinkStore store = new DerbyLinkStore(folder.newFolder().toPath().resolve("links"), false, Clock.systemUTC());
        try {
            LinkEdit suggestion = new LinkEdit("matcher", "score 0.97", LinkOrigin.SUGGESTION, 0L);
            Link first = store.link(record(1), "default", LinkKind.CUSTOMER, "10001", suggestion);
            assertEquals(1, first.version());
            try {
                store.link(record(1), "default", LinkKind.CUSTOMER, "10009", suggestion);
                fail("a link that exists now is not 'none'");
            } catch (StaleLinkException e) {
                assertEquals("10001", e.current().orElseThrow().erpNumber());
            }
            // two admins opened the same link at version 1; the first one's change wins, the second is told
            LinkEdit ada = new LinkEdit("ada", null, LinkOrigin.MANUAL, 1L);
            LinkEdit bo = new LinkEdit("bo", null, LinkOrigin.MANUAL, 1L);
            assertEquals(2, store.link(record(1), "default", LinkKind.CUSTOMER, "10002", ada).version());
            try {
                store.link(record(1), "default", LinkKind.CUSTOMER, "10003", bo);
                fail("bo's change was made on version 1");
            } catch (StaleLinkException e) {
                assertEquals(2, e.current().orElseThrow().version());
            }
            try {
                store.unlink(record(1), "default", LinkKind.CUSTOMER, bo);
                fail("an unlink made on version 1");
            } catch (StaleLinkException expected) {
                assertEquals("10002", store.linkOf(record(1), "default", LinkKind.CUSTOMER).orElseThrow().erpNumber());
            }
            assertTrue(store.unlink(record(1), "default", LinkKind.CUSTOMER, new LinkEdit("ada", null, LinkOrigin.API, 2L)));
            store.link(record(2), "default", LinkKind.SUPPLIER, "70001", new LinkEdit("crm", null, LinkOrigin.CREATED_IN_ERP, null));
            List<LinkOrigin> origins = new ArrayList<>();
            store.history(record(1)).forEach(c -> origins.add(c.origin()));
            assertEquals("newest first", List.of(LinkOrigin.API, LinkOrigin.MANUAL, LinkOrigin.SUGGESTION), origins);
            List<LinkChange> latest = store.latestChanges(2);
            assertEquals("the newest first, across records", record(2), latest.get(0).record());
            assertEquals(LinkOrigin.API, latest.get(1).origin());
            assertEquals(store.changes(0, 100).size(), store.latestChanges(100).size());
            LinkChange created = store.history(record(2)).get(0);
            assertEquals(LinkOrigin.CREATED_IN_ERP, created.origin());
            assertEquals("70001", created.newNumber());
        } finally {
            store.deactivate();
        }
    }

    @Test
    public void tenThousandConcurrentEditsLoseNoneOnEmbeddedDerby() throws Exception {
        DerbyLinkStore store = new DerbyLinkStore(folder.newFolder().toPath().resolve("links"), false, Clock.systemUTC());
        try {
            edit(List.of(store), "embedded");
        } finally {
            store.deactivate();
        }
    }

    @Test
    public void tenThousandConcurrentEditsFromTwoNodesOnADerbyNetworkServerLoseNone() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        NetworkServerControl server = new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
        server.start(new PrintWriter(System.out, true));
        try {
            waitFor(server);
            // an absolute path: the server's Derby may have booted already in this JVM, with another system home
            String url = "jdbc:derby://127.0.0.1:" + port + "/" + folder.newFolder("server").toPath().resolve("shared-links") + ";create=true";
            // two nodes start together: the schema is made once
            List<Future<DerbyLinkStore>> starting = new ArrayList<>();
            ExecutorService both = Executors.newFixedThreadPool(2);
            for (int i = 0; i < 2; i++) {
                starting.add(both.submit(() -> new DerbyLinkStore(new LinkDatabase(url), false, Clock.systemUTC())));
            }
            List<DerbyLinkStore> nodes = List.of(starting.get(0).get(60, TimeUnit.SECONDS), starting.get(1).get(60, TimeUnit.SECONDS));
            both.shutdown();
            try {
                edit(nodes, "network server, two nodes");
                // what one node wrote, the other reads
                nodes.get(0).link(record(999), "default", LinkKind.PROJECT, "P-1", LinkEdit.manual("ada", null));
                Thread.sleep(10);
                assertEquals("P-1", nodes.get(1).links("default", LinkKind.PROJECT, 0, 10).get(0).erpNumber());
            } finally {
                nodes.forEach(DerbyLinkStore::deactivate);
            }
        } finally {
            server.shutdown();
        }
    }

    /**
     * {@value #EDITS} edits by {@value #THREADS} threads over {@value #RECORDS} records, spread over the
     * stores: each edit reads the link, moves it to the next number on the version it read, and tries
     * again on a stale version. None may be lost: every record's version counts its edits, and the audit
     * log holds one entry per edit.
     */
    private static void edit(List<DerbyLinkStore> stores, String where) throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        int[] perRecord = new int[RECORDS];
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(threads.submit(() -> {
                DerbyLinkStore store = stores.get(thread % stores.size());
                java.util.Random random = new java.util.Random(thread);
                for (int i = thread; i < EDITS; i += THREADS) {
                    int r = random.nextInt(RECORDS);
                    while (true) {
                        Optional<Link> now = store.linkOf(record(r), "default", LinkKind.CUSTOMER);
                        long version = now.map(Link::version).orElse(0L);
                        try {
                            // numbers are the record's and the version's: unique, so the one-to-one rule never blocks
                            store.link(record(r), "default", LinkKind.CUSTOMER, "N" + r + "-" + (version + 1),
                                    new LinkEdit("t" + thread, null, LinkOrigin.API, version));
                            synchronized (perRecord) {
                                perRecord[r]++;
                            }
                            done.incrementAndGet();
                            break;
                        } catch (StaleLinkException e) {
                            stale.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(10, TimeUnit.MINUTES);
        }
        threads.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,d edits in %.1f s (%,.0f/s), %,d refused as stale and redone%n", where, done.get(), seconds,
                done.get() / seconds, stale.get());
        assertEquals(EDITS, done.get());
        DerbyLinkStore reader = stores.get(0);
        int audited = 0;
        for (int r = 0; r < RECORDS; r++) {
            List<LinkChange> history = reader.history(record(r));
            audited += history.size();
            if (perRecord[r] > 0) {
                Link now = current(reader, r);
                assertEquals("record " + r + ": every edit counted", perRecord[r], now.version());
                assertEquals("N" + r + "-" + perRecord[r], now.erpNumber());
            }
        }
        assertEquals("one audit entry per edit", EDITS, audited);
    }

    private static Link current(DerbyLinkStore store, int r) {
        return store.links("default", LinkKind.CUSTOMER, 0, 10_000).stream().filter(l -> l.record().equals(record(r))).findFirst()
                .orElseThrow();
    }

    private static void waitFor(NetworkServerControl server) throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                server.ping();
                return;
            } catch (Exception e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the Derby network server did not start");
    }

    private static void shutdown(Path dir) {
        try {
            DriverManager.getConnection("jdbc:derby:" + dir + ";shutdown=true").close();
        } catch (java.sql.SQLException expected) {
            // Derby answers a shutdown with an exception
        }
    }
}
