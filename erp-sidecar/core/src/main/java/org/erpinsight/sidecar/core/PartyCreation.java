package org.erpinsight.sidecar.core;

import java.util.Objects;

/** Use case: create an ERP customer or supplier from the CRM with a name, and optionally a number and VAT number. */
public final class PartyCreation {
    private final ErpAdapter erp;

    public PartyCreation(ErpAdapter erp) {
        this.erp = Objects.requireNonNull(erp);
    }

    public Party create(String idempotencyKey, PartyKind kind, String name, String number, String vatNumber) {
        String key = Inputs.idempotencyKey(idempotencyKey);
        if (kind == null) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "kind is required: CUSTOMER or SUPPLIER");
        }
        String checkedName = Inputs.requiredText("name", name, Inputs.MAX_TEXT);
        String checkedNumber = number == null || number.isBlank() ? null : Inputs.partyNumber(number.strip());
        String checkedVat = Inputs.optionalText("vatNumber", vatNumber, 40);
        WriteRequest write = new WriteRequest(key, Fingerprints.of("party", kind, checkedName, checkedNumber, checkedVat));
        return ErpCalls.call(() -> erp.createParty(kind, checkedName, checkedNumber, checkedVat, write));
    }
}
