package org.erpinsight.crm.reference.host;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.erpinsight.crm.api.host.RecordRef;
import org.erpinsight.crm.api.host.RecordType;
import org.junit.Test;

/** The customer base the large demo, tests and benchmarks run on: the same every time, one company per ERP customer. */
public class CustomerBaseTest {
    @Test
    public void aCompanyLinkedToEachFurtherCustomerOfTheLargeDataSetAndAContactAtEach() {
        SampleDirectory large = new SampleDirectory(true);
        List<SampleDirectory.Sample> base = large.customerBase();

        assertEquals(2 * (20_000 - 10_011 + 1), base.size());
        Set<String> customers = new HashSet<>();
        for (SampleDirectory.Sample s : base) {
            if (s.record().ref().type() == RecordType.COMPANY) {
                assertEquals("c-" + s.presetCustomerNumber(), s.record().ref().id());
                assertTrue("one company per customer", customers.add(s.presetCustomerNumber()));
            } else {
                assertEquals(RecordType.CONTACT, s.record().ref().type());
                assertEquals(null, s.presetCustomerNumber());
            }
        }
        assertEquals(9_990, customers.size());
        assertTrue(customers.contains("10011") && customers.contains("20000"));
        // none of the bundled samples' customers is taken twice
        for (SampleDirectory.Sample s : large.samples()) {
            assertTrue(s.presetCustomerNumber() == null || !customers.contains(s.presetCustomerNumber()));
        }
        assertEquals("the same every time", base, new SampleDirectory(true).customerBase());
        assertEquals("c-10500 is a record", "c-10500",
                large.record(new RecordRef(RecordType.COMPANY, "c-10500")).orElseThrow().ref().id());
        assertEquals(large.samples().size(), new SampleDirectory(false).samples().size());
        assertTrue(new SampleDirectory(false).record(new RecordRef(RecordType.COMPANY, "c-10500")).isEmpty());
    }
}
