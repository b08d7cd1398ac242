package org.erpinsight.crm.reference.host;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.erpinsight.crm.api.links.LinkKind;
import org.erpinsight.crm.api.links.LinkService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Links the sample records that come linked out of the box, once: a record with any link
 * history (say an admin unlinked it) is left as it is. The customer base, when there is one, is
 * linked on a thread of its own, so that the host does not wait for ten thousand links.
 */
@Component(immediate = true)
public class SampleLinks {
    static final String SOURCE = "default";
    private static final Logger LOG = Logger.getLogger(SampleLinks.class.getName());
    private final Thread customerBase;

    @Activate
    public SampleLinks(@Reference SampleDirectory directory, @Reference LinkService links) {
        linkAll(directory.samples(), links);
        if (directory.customerBase().isEmpty()) {
            customerBase = null;
            return;
        }
        customerBase = new Thread(() -> {
            long start = System.nanoTime();
            int linked = linkAll(directory.customerBase(), links);
            LOG.info(String.format("Customer base: %d records, %d links made now, in %d ms", directory.customerBase().size(), linked,
                    (System.nanoTime() - start) / 1_000_000));
        }, "erpinsight-sample-links");
        customerBase.setDaemon(true);
        customerBase.start();
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() throws InterruptedException {
        if (customerBase != null) {
            customerBase.interrupt();
            customerBase.join(10_000);
        }
    }

    /** How many links were made now (records with a history are left alone). */
    private static int linkAll(java.util.List<SampleDirectory.Sample> samples, LinkService links) {
        int linked = 0;
        for (SampleDirectory.Sample s : samples) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                if (!links.history(s.record().ref()).isEmpty()) {
                    continue;
                }
                linked += link(links, s, LinkKind.CUSTOMER, s.presetCustomerNumber())
                        + link(links, s, LinkKind.SUPPLIER, s.presetSupplierNumber())
                        + link(links, s, LinkKind.PROJECT, s.presetProjectNumber());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not link sample record " + s.record().ref() + ": " + e.getMessage());
            }
        }
        return linked;
    }

    private static int link(LinkService links, SampleDirectory.Sample s, LinkKind kind, String number) {
        if (number == null) {
            return 0;
        }
        links.link(s.record().ref(), SOURCE, kind, number, "reference-host", "sample data");
        return 1;
    }
}
