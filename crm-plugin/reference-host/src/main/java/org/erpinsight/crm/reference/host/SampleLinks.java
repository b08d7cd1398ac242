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
 * history (say an admin unlinked it) is left as it is.
 */
@Component(immediate = true)
public class SampleLinks {
    static final String SOURCE = "default";
    private static final Logger LOG = Logger.getLogger(SampleLinks.class.getName());

    @Activate
    public SampleLinks(@Reference SampleDirectory directory, @Reference LinkService links) {
        for (SampleDirectory.Sample s : directory.samples()) {
            try {
                if (!links.history(s.record().ref()).isEmpty()) {
                    continue;
                }
                link(links, s, LinkKind.CUSTOMER, s.presetCustomerNumber());
                link(links, s, LinkKind.SUPPLIER, s.presetSupplierNumber());
                link(links, s, LinkKind.PROJECT, s.presetProjectNumber());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not link sample record " + s.record().ref() + ": " + e.getMessage());
            }
        }
    }

    private static void link(LinkService links, SampleDirectory.Sample s, LinkKind kind, String number) {
        if (number != null) {
            links.link(s.record().ref(), SOURCE, kind, number, "reference-host", "sample data");
        }
    }
}
