package org.erpinsight.crm.reference.host;

import java.time.Instant;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Prints warnings and errors of the OSGi log (component failures among them) on the host's
 * console, so that a demo or test run shows why something did not start. The log reader is
 * optional: hosts whose log service does not announce itself as a capability (Karaf's Pax Logging)
 * still resolve the bundle.
 */
@Component(immediate = true)
public class ConsoleLog implements LogListener {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addReader(LogReaderService reader) {
        reader.addLogListener(this);
    }

    void removeReader(LogReaderService reader) {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        if (LogLevel.WARN.implies(entry.getLogLevel())) {
            System.err.println(Instant.ofEpochMilli(entry.getTime()) + " " + entry.getLogLevel() + " ["
                    + entry.getBundle().getSymbolicName() + "] " + entry.getMessage()
                    + (entry.getException() == null ? "" : ": " + entry.getException()));
            if (entry.getException() != null && entry.getLogLevel() == LogLevel.ERROR) {
                entry.getException().printStackTrace();
            }
        }
    }
}
