package org.erpinsight.crm.links;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.Party;
import org.erpinsight.crm.api.PartyKind;
import org.erpinsight.crm.api.PartyPage;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.RecordDirectory;
import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordType;
import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkOrigin;
import org.erpinsight.crm.api.links.Suggestion;
import org.erpinsight.crm.api.links.SuggestionRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Bulk suggestions over a real link store: clear matches linked at once with their origin, the
 * rest queued with reasons, accepted and rejected; a run cancelled; a run that was going when the
 * CRM stopped goes on from its place. The ERP (its party listing) and the CRM's directory are test
 * doubles: lists in memory.
 */
public class SuggestionRunsTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private LinkDatabase db;
    private DerbyLinkStore links;
    private final List<Party> parties = new ArrayList<>();
    private final List<CrmRecord> companies = new ArrayList<>();
    private volatile CountDownLatch erpAnswers = new CountDownLatch(0);

    private static Party party(String number, String name, String vat, String email, String phone) {
        return new Party(number, PartyKind.CUSTOMER, name, vat, email, phone, "2100", "København", "DK", "DKK", false);
    }

    private static CrmRecord company(String id, String name, String vat, String email, String phone) {
        return new CrmRecord(new RecordRef(RecordType.COMPANY, id), name, vat, email, phone, "2100", "DK");
    }

    /** Whether the run asked for the gateway of background work (whose calls wait behind page views). */
    private volatile boolean backgroundAsked;

    private ErpGateway erp() {
        return (ErpGateway) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ErpGateway.class}, (proxy, method, args) -> {
            if (method.getName().equals("background")) {
                backgroundAsked = true;
                return proxy;
            }
            if (!method.getName().equals("parties")) {
                throw new UnsupportedOperationException(method.getName());
            }
            erpAnswers.await(30, TimeUnit.SECONDS);
            int offset = (Integer) args[2];
            int limit = (Integer) args[3];
            List<Party> page = parties.subList(Math.min(offset, parties.size()), Math.min(offset + limit, parties.size()));
            return new PartyPage(offset, limit, parties.size(), page);
        });
    }

    private RecordDirectory directory() {
        return new RecordDirectory() {
            @Override
            public Optional<CrmRecord> record(RecordRef ref) {
                return companies.stream().filter(c -> c.ref().equals(ref)).findFirst();
            }

            @Override
            public List<CrmRecord> search(RecordType type, String text, int limit) {
                return List.of();
            }

            @Override
            public List<CrmRecord> page(RecordType type, int offset, int limit) {
                List<CrmRecord> all = type == RecordType.COMPANY ? companies : List.of();
                return new ArrayList<>(all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())));
            }
        };
    }

    @Before
    public void open() throws Exception {
        Path dir = folder.newFolder().toPath().resolve("links");
        db = LinkDatabase.embedded(dir);
        links = new DerbyLinkStore(db, false, Clock.systemUTC());
    }

    @After
    public void close() {
        links.deactivate();
    }

    private static SuggestionRun finished(SuggestionRuns runs) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            SuggestionRun run = runs.run().orElseThrow();
            if (run.state() != SuggestionRun.State.RUNNING) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not end: " + runs.run());
    }

    @Test
    public void clearMatchesAreLinkedTheRestQueuedAcceptedOrRejected() throws Exception {
        parties.add(party("10001", "Andersen Byg A/S", "DK12345678", "kontakt@andersenbyg.dk", "+45 33 12 34 56"));
        parties.add(party("10002", "Nordic Steel A/S", "DK11111111", "a@nordicsteel.dk", "11111111"));
        parties.add(party("10003", "Nordic Steel Trading A/S", "DK22222222", "b@nordicsteeltrading.dk", "22222222"));
        parties.add(party("10004", "Østergaard Møbler A/S", "DK55667788", "salg@oestergaard.dk", "98765432"));
        companies.add(company("c-1", "ANDERSEN BYG", "12345678", "mette@andersenbyg.dk", "33 12 34 56"));
        companies.add(company("c-2", "Nordic Steel AS", null, null, null));
        companies.add(company("c-3", "Oestergaard Moebler", null, "info@gmail.com", null));
        companies.add(company("c-4", "Nimbus Analytics ApS", "DK99887766", "hej@nimbus.dk", "70203040"));
        companies.add(company("c-5", "Hansen & Søn ApS", null, null, null));
        links.link(companies.get(4).ref(), "default", LinkKind.CUSTOMER, "10009", "ada", "by hand");

        SuggestionRuns runs = new SuggestionRuns(db, links, erp(), directory(), Clock.systemUTC());
        try {
            runs.start("default", LinkKind.CUSTOMER, 0.6, "admin");
            try {
                runs.start("default", LinkKind.CUSTOMER, 0.6, "admin");
            } catch (IllegalStateException expected) {
                // one run at a time (or it ended already: then nothing to refuse)
            }
            SuggestionRun run = finished(runs);
            assertEquals(run.message(), SuggestionRun.State.DONE, run.state());
            assertEquals(5, run.total());
            assertEquals(5, run.done());
            assertTrue("the run reads the ERP as background work, behind page views", backgroundAsked);
            assertEquals("c-1 has every proof", 1, run.linked());
            assertEquals("10001", links.linkOf(companies.get(0).ref(), "default", LinkKind.CUSTOMER).orElseThrow().erpNumber());
            assertEquals(LinkOrigin.SUGGESTION, links.history(companies.get(0).ref()).get(0).origin());
            assertTrue(links.history(companies.get(0).ref()).get(0).reason().contains("same VAT number"));

            List<Suggestion> queue = runs.queue("default", LinkKind.CUSTOMER, 0, 0, 10);
            assertEquals("c-2 (a look-alike close behind) and c-3 (a name only) wait: " + queue, 2, queue.size());
            assertEquals(run.queued(), queue.size());
            Suggestion oestergaard = queue.stream().filter(s -> s.record().id().equals("c-3")).findFirst().orElseThrow();
            assertEquals("10004", oestergaard.erpNumber());
            assertEquals("Østergaard Møbler A/S", oestergaard.erpName());
            assertFalse(oestergaard.reasons().isEmpty());
            assertEquals("10004", runs.accept(oestergaard.id(), "bo").erpNumber());
            assertEquals(LinkOrigin.SUGGESTION, links.history(companies.get(2).ref()).get(0).origin());
            Suggestion steel = runs.queue("default", LinkKind.CUSTOMER, 0, 0, 10).get(0);
            assertTrue(runs.reject(steel.id(), "bo"));
            assertFalse("rejected once", runs.reject(steel.id(), "bo"));
            assertTrue(runs.queue("default", LinkKind.CUSTOMER, 0, 0, 10).isEmpty());
            assertTrue("c-2 stays unlinked", links.linkOf(companies.get(1).ref(), "default", LinkKind.CUSTOMER).isEmpty());
            try {
                runs.accept(steel.id(), "bo");
                fail("a rejected suggestion is not accepted later");
            } catch (java.util.NoSuchElementException expected) {
                // gone from the queue
            }
        } finally {
            runs.deactivate();
        }
    }

    @Test
    public void aRunIsCancelled() throws Exception {
        parties.add(party("10001", "Andersen Byg A/S", "DK12345678", "kontakt@andersenbyg.dk", "+45 33 12 34 56"));
        companies.add(company("c-1", "Andersen Byg", "12345678", null, null));
        erpAnswers = new CountDownLatch(1);
        SuggestionRuns runs = new SuggestionRuns(db, links, erp(), directory(), Clock.systemUTC());
        try {
            runs.start("default", LinkKind.CUSTOMER, 0.6, "admin");
            assertEquals(SuggestionRun.State.RUNNING, runs.run().orElseThrow().state());
            try {
                runs.start("default", LinkKind.CUSTOMER, 0.6, "admin");
                fail("one run at a time");
            } catch (IllegalStateException expected) {
                assertEquals(1, runs.run().orElseThrow().id());
            }
            assertTrue(runs.cancel("admin"));
            erpAnswers.countDown();
            assertEquals(SuggestionRun.State.CANCELLED, finished(runs).state());
            assertTrue("nothing linked after the cancel", links.linkOf(companies.get(0).ref(), "default", LinkKind.CUSTOMER).isEmpty());
            assertFalse("nothing to cancel now", runs.cancel("admin"));
        } finally {
            runs.deactivate();
        }
    }

    @Test
    public void aRunThatWasGoingWhenTheCrmStoppedGoesOnFromItsPlace() throws Exception {
        for (int i = 0; i < 200; i++) {
            String vat = String.format("DK%08d", 30_000_000 + i);
            parties.add(party(String.format("2%04d", i), "Firma " + i + " A/S", vat, "info@firma" + i + ".dk", String.format("4%07d", i)));
            companies.add(company("c-" + i, "Firma " + i, vat, "salg@firma" + i + ".dk", String.format("4%07d", i)));
        }
        // the run as the stopped CRM left it: 150 records done, at offset 150 of the companies
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("INSERT INTO suggestion_run (source, kind, threshold, actor,"
                + " state, phase, done_count, total_count, linked_count, queued_count, cursor_type, cursor_offset, started_at, updated_at)"
                + " VALUES ('default', 'CUSTOMER', 0.6, 'admin', 'RUNNING', 'matching', 150, 200, 150, 0, 'COMPANY', 150, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
        SuggestionRuns runs = new SuggestionRuns(db, links, erp(), directory(), Clock.systemUTC());
        try {
            SuggestionRun run = finished(runs);
            assertEquals(SuggestionRun.State.DONE, run.state());
            assertEquals(200, run.done());
            assertEquals(200, run.linked());
            assertTrue("records before its place were not looked at again", links.linkOf(companies.get(149).ref(), "default", LinkKind.CUSTOMER)
                    .isEmpty());
            assertEquals("the rest were", "20150", links.linkOf(companies.get(150).ref(), "default", LinkKind.CUSTOMER).orElseThrow().erpNumber());
            assertEquals(50, links.links("default", LinkKind.CUSTOMER, 0, 1000).size());
        } finally {
            runs.deactivate();
        }
    }

    @Test
    public void aSuggestionForARecordLinkedMeanwhileIsNotAccepted() throws Exception {
        parties.add(party("10002", "Nordic Steel A/S", "DK11111111", "a@nordicsteel.dk", "11111111"));
        companies.add(company("c-2", "Nordic Steel", null, null, null));
        SuggestionRuns runs = new SuggestionRuns(db, links, erp(), directory(), Clock.systemUTC());
        try {
            runs.start("default", LinkKind.CUSTOMER, 0.95, "admin");
            finished(runs);
            Suggestion waiting = runs.queue("default", LinkKind.CUSTOMER, 0, 0, 10).get(0);
            links.link(companies.get(0).ref(), "default", LinkKind.CUSTOMER, "10077", "bo", "by hand, meanwhile");
            try {
                runs.accept(waiting.id(), "ada");
                fail("the record was linked meanwhile");
            } catch (org.erpinsight.crm.api.links.StaleLinkException expected) {
                assertEquals("10077", links.linkOf(companies.get(0).ref(), "default", LinkKind.CUSTOMER).orElseThrow().erpNumber());
            }
            assertEquals("it stays for a person to reject", 1, runs.queue("default", LinkKind.CUSTOMER, 0, 0, 10).size());
            assertEquals("accepting all from a score skips it", 0, runs.acceptAbove("default", LinkKind.CUSTOMER, 0, "ada"));
        } finally {
            runs.deactivate();
        }
    }
}
