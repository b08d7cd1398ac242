package org.erpinsight.crm.web.linkmanager;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.Optional;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGateway;
import org.erpinsight.crm.api.ErpGatewayException;
import org.erpinsight.crm.api.host.CrmRecord;
import org.erpinsight.crm.api.host.RecordDirectory;
import org.erpinsight.crm.api.links.LinkService;
import org.junit.Test;

/**
 * The import's rules where the end-to-end test cannot reach: an ERP that cannot be asked refuses
 * the rows it would check (nothing is linked unchecked), and a file too long is refused whole.
 * The link store, directory and gateway are test doubles (java.lang.reflect.Proxy).
 */
public class LinkImportRulesTest {
    @SuppressWarnings("unchecked")
    private static <T> T double_(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(LinkImportRulesTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("background") ? proxy : answer.apply(method.getName(), args));
    }

    private final int[] linked = {0};
    private final LinkService links = double_(LinkService.class, (name, args) -> {
        if (name.equals("link")) {
            linked[0]++;
        }
        return name.startsWith("linkOf") || name.startsWith("linkTo") ? Optional.empty() : null;
    });
    private final RecordDirectory records = double_(RecordDirectory.class, (name, args) -> name.equals("record")
            ? Optional.of(new CrmRecord((org.erpinsight.crm.api.host.RecordRef) args[0], "A", null, null, null, null, null)) : null);

    @Test
    public void anErpThatCannotBeAskedRefusesTheRowsItWouldCheck() throws Exception {
        ErpGateway down = double_(ErpGateway.class, (name, args) -> {
            throw new ErpGatewayException(ErpErrorCode.SIDECAR_UNREACHABLE, "connection refused");
        });
        LinkImport.Report report = new LinkImport(links, records, down, "default").run(new StringReader(
                "RecordType,RecordId,Kind,ErpNumber\ncompany,c-1,CUSTOMER,10001\ncompany,c-2,PROJECT,P-1\n"), false, "ada");
        assertEquals(2, report.refused());
        for (LinkImport.Row row : report.report()) {
            assertEquals("ERP_UNREACHABLE", row.code());
            assertTrue(row.message(), row.message().contains("connection refused"));
        }
        assertEquals("nothing linked unchecked", 0, linked[0]);
    }

    @Test
    public void aFileTooLongIsRefusedWhole() throws Exception {
        StringBuilder csv = new StringBuilder("RecordType,RecordId,Kind,ErpNumber\n");
        for (int i = 0; i <= LinkImport.MAX_ROWS; i++) {
            csv.append("company,c-").append(i).append(",CUSTOMER,").append(i).append('\n');
        }
        ErpGateway unused = double_(ErpGateway.class, (name, args) -> {
            throw new AssertionError("the ERP is not asked for a file refused whole");
        });
        try {
            new LinkImport(links, records, unused, "default").run(new StringReader(csv.toString()), true, "ada");
            throw new AssertionError("more than " + LinkImport.MAX_ROWS + " rows");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains(Integer.toString(LinkImport.MAX_ROWS)));
        }
    }
}
