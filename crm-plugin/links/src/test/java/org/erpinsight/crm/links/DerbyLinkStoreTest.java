package org.erpinsight.crm.links;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordType;
import org.erpinsight.crm.api.links.Link;
import org.erpinsight.crm.api.links.LinkChange;
import org.erpinsight.crm.api.links.LinkConflictException;
import org.erpinsight.crm.api.links.LinkKind;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DerbyLinkStoreTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static final RecordRef ACME = new RecordRef(RecordType.COMPANY, "c-1");
    private static final RecordRef OTHER = new RecordRef(RecordType.COMPANY, "c-2");

    private Path dir;
    private DerbyLinkStore store;

    @Before
    public void open() throws Exception {
        dir = folder.newFolder().toPath().resolve("links");
        store = new DerbyLinkStore(dir, false, Clock.systemUTC());
    }

    @After
    public void close() {
        store.deactivate();
    }

    @Test
    public void aRememberedLookupNeverHidesAChangeMadeHere() {
        // every tab of a page asks; the answer is remembered for a few seconds
        assertTrue(store.linkOf(ACME, "default", LinkKind.CUSTOMER).isEmpty());
        store.link(ACME, "default", LinkKind.CUSTOMER, "10001", "ada", null);
        assertEquals("10001", store.linkOf(ACME, "default", LinkKind.CUSTOMER).orElseThrow().erpNumber());
        store.link(ACME, "default", LinkKind.CUSTOMER, "10002", "ada", null);
        assertEquals("10002", store.linkOf(ACME, "default", LinkKind.CUSTOMER).orElseThrow().erpNumber());
        store.unlink(ACME, "default", LinkKind.CUSTOMER, "ada", null);
        assertTrue(store.linkOf(ACME, "default", LinkKind.CUSTOMER).isEmpty());
    }

    @Test
    public void linksUnlinksAndAuditsEveryChange() {
        store.link(ACME, "default", LinkKind.CUSTOMER, "10001", "ada", "first");
        assertEquals("10001", store.linkOf(ACME, "default", LinkKind.CUSTOMER).orElseThrow().erpNumber());
        assertEquals(ACME, store.linkTo("default", LinkKind.CUSTOMER, "10001").orElseThrow().record());

        store.link(ACME, "default", LinkKind.CUSTOMER, "10002", "ada", "wrong customer");
        assertTrue(store.linkTo("default", LinkKind.CUSTOMER, "10001").isEmpty());
        assertTrue(store.unlink(ACME, "default", LinkKind.CUSTOMER, "bob", "gone"));
        assertFalse(store.unlink(ACME, "default", LinkKind.CUSTOMER, "bob", "again"));
        assertTrue(store.linksOf(ACME).isEmpty());

        List<LinkChange> history = store.history(ACME);
        assertEquals(3, history.size());
        assertEquals(LinkChange.Action.UNLINKED, history.get(0).action());
        assertEquals("bob", history.get(0).actor());
        assertEquals("10002", history.get(0).previousNumber());
        assertEquals(LinkChange.Action.RELINKED, history.get(1).action());
        assertEquals("10001", history.get(1).previousNumber());
        assertEquals("10002", history.get(1).newNumber());
        assertEquals(LinkChange.Action.LINKED, history.get(2).action());
        assertEquals("first", history.get(2).reason());
    }

    @Test
    public void aNumberLinkedToAnotherRecordIsAConflictNamingTheExistingLinkAndChangesNothing() {
        store.link(ACME, "default", LinkKind.CUSTOMER, "10001", "ada", null);
        LinkConflictException conflict = assertThrows(LinkConflictException.class,
                () -> store.link(OTHER, "default", LinkKind.CUSTOMER, "10001", "ada", null));
        assertEquals(ACME, conflict.existing().record());
        assertTrue(conflict.getMessage().contains("company/c-1"));
        assertTrue(store.linksOf(OTHER).isEmpty());
        assertTrue(store.history(OTHER).isEmpty());
        // the same number in another source or of another kind is no conflict
        store.link(OTHER, "second-erp", LinkKind.CUSTOMER, "10001", "ada", null);
        store.link(OTHER, "default", LinkKind.SUPPLIER, "10001", "ada", null);
        assertEquals(2, store.linksOf(OTHER).size());
    }

    @Test
    public void malformedInputIsRefusedBeforeAnythingIsWritten() {
        assertThrows(IllegalArgumentException.class, () -> store.link(ACME, "default", LinkKind.CUSTOMER, "10 01; DROP", "ada", null));
        assertThrows(IllegalArgumentException.class, () -> store.link(ACME, "bad source!", LinkKind.CUSTOMER, "10001", "ada", null));
        assertThrows(IllegalArgumentException.class, () -> store.link(ACME, "default", LinkKind.CUSTOMER, "10001", " ", null));
        assertTrue(store.history(ACME).isEmpty());
    }

    @Test
    public void linksSurviveARestart() {
        Link link = store.link(ACME, "default", LinkKind.CUSTOMER, "10001", "ada", null);
        store.deactivate();
        store = new DerbyLinkStore(dir, false, Clock.systemUTC());
        assertEquals(link.erpNumber(), store.linkOf(ACME, "default", LinkKind.CUSTOMER).orElseThrow().erpNumber());
    }

    @Test
    public void anAdminMayAllowManyRecordsPerNumber() {
        store.deactivate();
        store = new DerbyLinkStore(dir, true, Clock.systemUTC());
        store.link(ACME, "default", LinkKind.CUSTOMER, "10001", "ada", null);
        store.link(OTHER, "default", LinkKind.CUSTOMER, "10001", "ada", null);
        assertEquals(1, store.linksOf(OTHER).size());
    }
}
