package org.erpinsight.crm.gateway;

import org.erpinsight.crm.api.ErpErrorCode;
import org.erpinsight.crm.api.ErpGatewayException;

/** The contract's stable error codes (problem+json or SOAP fault) as gateway codes. */
public final class ContractCodes {
    private ContractCodes() {
    }

    public static ErpGatewayException exception(String contractCode, int httpStatus, String detail, String source) {
        ErpErrorCode code = code(contractCode, httpStatus);
        String message = switch (code) {
            case UNAUTHENTICATED -> "Sidecar '" + source + "' refused the API key: " + detail;
            case ERP_UNAVAILABLE -> "The ERP behind sidecar '" + source + "' is unavailable: " + detail;
            default -> detail;
        };
        return new ErpGatewayException(code, message);
    }

    static ErpErrorCode code(String contractCode, int httpStatus) {
        if (contractCode != null) {
            switch (contractCode) {
                case "CUSTOMER_NOT_FOUND", "NOT_FOUND":
                    return ErpErrorCode.NOT_FOUND;
                case "INVALID_REQUEST":
                    return ErpErrorCode.INVALID_REQUEST;
                case "UNAUTHENTICATED", "FORBIDDEN":
                    return ErpErrorCode.UNAUTHENTICATED;
                case "ERP_UNAVAILABLE":
                    return ErpErrorCode.ERP_UNAVAILABLE;
                default:
                    break;
            }
        }
        return switch (httpStatus) {
            case 401, 403 -> ErpErrorCode.UNAUTHENTICATED;
            case 404 -> ErpErrorCode.NOT_FOUND;
            case 400 -> ErpErrorCode.INVALID_REQUEST;
            case 503 -> ErpErrorCode.ERP_UNAVAILABLE;
            default -> ErpErrorCode.SIDECAR_ERROR;
        };
    }
}
