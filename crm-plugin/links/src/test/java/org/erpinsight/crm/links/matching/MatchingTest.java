package org.erpinsight.crm.links.matching;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

/** The matcher's rules on small cases; its precision and recall on 100,000 companies are bench-links's. */
public class MatchingTest {
    private static PartyFacts erp(String number, String name, String vat, String email, String phone) {
        return new PartyFacts(number, name, vat, email, phone, "2100", "DK");
    }

    @Test
    public void legalFormsNordicLettersAndPunctuationDoNotMakeANameDifferent() {
        List<String> a = Normal.words("Østergaard Møbler A/S");
        assertEquals(List.of("oestergaard", "moebler"), a);
        assertEquals(a, Normal.words("Oestergaard Moebler AS"));
        assertEquals(a, Normal.words("ØSTERGAARD MØBLER, A.S."));
        assertEquals(List.of("mueller", "maschinenbau"), Normal.words("Müller Maschinenbau GmbH"));
        assertEquals(List.of("brightwater", "consulting"), Normal.words("Brightwater Consulting Limited"));
        assertEquals(List.of("virtanen", "tekniikka"), Normal.words("Virtanen Tekniikka Oy"));
        assertEquals("12345678", Normal.vat("DK 12 34 56 78"));
        assertEquals("12345678", Normal.vat("12345678"));
        assertEquals("33123456", Normal.phone("+45 33 12 34 56"));
        assertEquals(Normal.phone("+45 33 12 34 56"), Normal.phone("33123456"));
    }

    @Test
    public void candidatesComeScoredWithTheirReasons() {
        PartyIndex index = new PartyIndex(List.of(
                erp("10001", "Andersen Byg A/S", "DK12345678", "kontakt@andersenbyg.dk", "+45 33 12 34 56"),
                erp("10002", "Andersen Bygning ApS", "DK87654321", "info@andersenbygning.dk", "+45 70 00 00 01"),
                erp("10003", "Nordlys Energi AS", "NO987654321", "kontakt@nordlys-energi.no", "+47 22 33 44 55")));
        List<Candidate> found = index.candidates(new PartyFacts("c-1", "Andersen Byg", "12345678", "mette@andersenbyg.dk",
                "33 12 34 56", "2100", "DK"), 5, 0);
        assertEquals("10001", found.get(0).party().key());
        assertTrue(found.get(0).reasons().toString(), found.get(0).reasons().containsAll(List.of("same VAT number", "same email domain",
                "same phone", "same postcode")));
        assertEquals(1.0, found.get(0).score(), 1e-9);
        assertTrue("the look-alike scores far lower: " + found, found.size() < 2 || found.get(1).score() < 0.5);
        assertTrue("a party sharing no key is never compared", found.stream().noneMatch(c -> c.party().key().equals("10003")));
    }

    @Test
    public void onlyAClearBestIsLinkedAtOnceAndOnePartyGoesToOneRecord() {
        PartyIndex index = new PartyIndex(List.of(
                erp("10001", "Nordic Steel A/S", "DK11111111", "a@nordicsteel.dk", "11111111"),
                erp("10002", "Nordic Steel Trading A/S", "DK22222222", "b@nordicsteeltrading.dk", "22222222")));
        List<Matching.Outcome> outcomes = Matching.run(index, List.of(
                new PartyFacts("c-1", "Nordic Steel", "DK 11111111", null, null, null, null),
                new PartyFacts("c-2", "Nordic Steel AS", null, null, null, null, null),
                new PartyFacts("c-3", "Nordic Steel A/S", "11111111", "x@nordicsteel.dk", "11111111", "2100", "DK")), 0.75);
        assertTrue("c-3 has every proof", outcomes.get(2).automatic());
        assertEquals("10001", outcomes.get(2).best().party().key());
        assertFalse("c-1 wants the same party with less proof: to review", outcomes.get(0).automatic());
        assertFalse("c-2 has a name only, and a look-alike close behind", outcomes.get(1).automatic());
    }
}
