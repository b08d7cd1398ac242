package org.erpinsight.sidecar.core;

/** A failure the caller can act on: it carries a stable {@link ErrorCode} and a plain message. */
public class ErpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ErpException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErpException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
