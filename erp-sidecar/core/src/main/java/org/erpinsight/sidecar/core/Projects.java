package org.erpinsight.sidecar.core;

import java.util.List;
import java.util.Objects;

/** Use cases: a customer's projects and one project's overview. */
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

    public ProjectOverview overview(String projectNumber) {
        String checked = Inputs.number(projectNumber, "a project number");
        return ErpCalls.call(() -> erp.projectOverview(checked))
                .orElseThrow(() -> new ErpException(ErrorCode.PROJECT_NOT_FOUND, "No project with number " + checked));
    }
}
