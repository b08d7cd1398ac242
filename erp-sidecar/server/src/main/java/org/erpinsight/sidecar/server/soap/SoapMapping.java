package org.erpinsight.sidecar.server.soap;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import org.erpinsight.sidecar.core.CustomerOverview;
import org.erpinsight.sidecar.core.Party;
import org.erpinsight.sidecar.core.PartyPage;
import org.erpinsight.sidecar.server.soap.generated.MonthlyRevenue;
import org.erpinsight.sidecar.server.soap.generated.PartyKind;
import org.erpinsight.sidecar.server.soap.generated.YearlyRevenue;

/** Core records to the WSDL's JAXB types. Amounts stay BigDecimal (xs:decimal) end to end. */
final class SoapMapping {
    private static final DatatypeFactory XML_TYPES;

    static {
        try {
            XML_TYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SoapMapping() {
    }

    static org.erpinsight.sidecar.server.soap.generated.Party party(Party p) {
        var x = new org.erpinsight.sidecar.server.soap.generated.Party();
        x.setNumber(p.number());
        x.setKind(PartyKind.valueOf(p.kind().name()));
        x.setName(p.name());
        x.setVatNumber(p.vatNumber());
        x.setEmail(p.email());
        x.setPhone(p.phone());
        x.setPostcode(p.postcode());
        x.setCity(p.city());
        x.setCountryCode(p.countryCode());
        x.setCurrency(p.currency());
        x.setBlocked(p.blocked());
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.PartyPage page(PartyPage page) {
        var x = new org.erpinsight.sidecar.server.soap.generated.PartyPage();
        x.setOffset(page.offset());
        x.setLimit(page.limit());
        x.setTotal(page.total());
        page.parties().forEach(p -> x.getParties().add(party(p)));
        return x;
    }

    static org.erpinsight.sidecar.server.soap.generated.CustomerOverview overview(CustomerOverview o) {
        var x = new org.erpinsight.sidecar.server.soap.generated.CustomerOverview();
        x.setCustomerNumber(o.customerNumber());
        x.setName(o.name());
        x.setCurrency(o.currency());
        x.setBalance(o.balance());
        x.setOverdueAmount(o.overdueAmount());
        x.setOpenInvoiceCount(o.openInvoiceCount());
        x.setOverdueInvoiceCount(o.overdueInvoiceCount());
        x.setCreditLimit(o.creditLimit());
        x.setCreditUsed(o.creditUsed());
        x.setRevenueThisYear(o.revenueThisYear());
        x.setRevenueLastYear(o.revenueLastYear());
        o.revenueByMonth().forEach(m -> {
            MonthlyRevenue r = new MonthlyRevenue();
            r.setMonth(XML_TYPES.newXMLGregorianCalendar(m.month().getYear(), m.month().getMonthValue(),
                    DatatypeConstants.FIELD_UNDEFINED, DatatypeConstants.FIELD_UNDEFINED, DatatypeConstants.FIELD_UNDEFINED,
                    DatatypeConstants.FIELD_UNDEFINED, DatatypeConstants.FIELD_UNDEFINED, DatatypeConstants.FIELD_UNDEFINED));
            r.setAmount(m.amount());
            x.getRevenueByMonth().add(r);
        });
        o.revenueByYear().forEach(y -> {
            YearlyRevenue r = new YearlyRevenue();
            r.setYear(y.year());
            r.setAmount(y.amount());
            x.getRevenueByYear().add(r);
        });
        x.setAverageDaysToPay(o.averageDaysToPay());
        x.setLastInvoiceDate(date(o.lastInvoiceDate()));
        x.setLastPaymentDate(date(o.lastPaymentDate()));
        x.setBlocked(o.blocked());
        x.setAsOf(XML_TYPES.newXMLGregorianCalendar(
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(o.asOf().atOffset(ZoneOffset.UTC))));
        return x;
    }

    private static XMLGregorianCalendar date(LocalDate date) {
        return date == null ? null : XML_TYPES.newXMLGregorianCalendar(date.toString());
    }
}
