package org.erpinsight.sidecar.core;

import java.util.List;
import java.util.Objects;

/** Use cases: a customer's projects, finding projects, and one project's overview. */
public final class Projects {
    private final ErpAdapter erp;

    public Projects(ErpAdapter erp) {
        this.erp = Objects.requireNonNull(erp);
    }

    public List<ProjectSummary> list(String customerNumber) {
        String checked = Inputs.partyNumber(customerNumber);
        return ErpCalls.call(() -> erp.projects(checked))
                .orElseThrow(() -> new ErpException(ErrorCode.CUSTOMER_NOT_FOUND, "No customer with number " + checked));
    }

    /** Projects whose number or name holds the text, for linking a CRM project. */
    public List<ProjectSummary> search(String text, Integer limit) {
        String checked = Inputs.optionalText("text", text, Inputs.MAX_TEXT);
        if (checked == null || checked.length() < 2) {
            throw new ErpException(ErrorCode.INVALID_REQUEST, "text must have at least 2 characters");
        }
        int checkedLimit = Inputs.limit(limit, PartyLookup.DEFAULT_SEARCH_LIMIT, PartyLookup.MAX_SEARCH_LIMIT);
        return ErpCalls.call(() -> erp.searchProjects(checked, checkedLimit));
    }

    public ProjectOverview overview(String projectNumber) {
        String checked = Inputs.number(projectNumber, "a project number");
        return ErpCalls.call(() -> erp.projectOverview(checked))
                .orElseThrow(() -> new ErpException(ErrorCode.PROJECT_NOT_FOUND, "No project with number " + checked));
    }
}
