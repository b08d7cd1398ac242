package org.erpinsight.sidecar.server.rest;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json} with a stable code. Nothing
 * reaches the client as a stack trace; unexpected failures are logged here instead.
 */
public final class Problems implements ExceptionMapper<Throwable> {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ErpException e) {
            if (e.code() == ErrorCode.INTERNAL_ERROR || e.code() == ErrorCode.ERP_UNAVAILABLE) {
                LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            }
            return response(e.code(), e.getMessage());
        }
        if (failure instanceof com.fasterxml.jackson.core.JsonProcessingException e) {
            return response(ErrorCode.INVALID_REQUEST, "The body is not the JSON this operation takes: " + describe(e));
        }
        if (failure instanceof WebApplicationException e && e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            return toResponse(j);
        }
        if (failure instanceof WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return switch (status) {
                case 404 -> response(ErrorCode.NOT_FOUND, "No such resource");
                case 405 -> response(ErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed here");
                case 406 -> response(ErrorCode.INVALID_REQUEST, "This resource answers application/json only");
                case 413 -> response(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large");
                case 415 -> response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send application/json");
                default -> status < 500 ? response(ErrorCode.INVALID_REQUEST, "The request is malformed")
                        : internal(failure);
            };
        }
        return internal(failure);
    }

    /** Says what is wrong with a JSON body in the contract's field names, without Java class names. */
    static String describe(com.fasterxml.jackson.core.JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var ref : m.getPath()) {
                path.append(ref.getFieldName() != null ? (path.length() == 0 ? "" : ".") + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            return "field '" + path + "' has the wrong type or format";
        }
        return "malformed JSON";
    }

    private static Response internal(Throwable failure) {
        LOG.log(Level.SEVERE, "Unexpected failure", failure);
        return response(ErrorCode.INTERNAL_ERROR, "Unexpected failure; see the sidecar log");
    }

    public static Response response(ErrorCode code, String detail) {
        return Response.status(code.httpStatus()).type(MEDIA_TYPE).entity(body(code, detail)).build();
    }

    /** The problem+json body (RFC 9457) with the contract's stable code. */
    public record Problem(String type, String title, int status, String code, String detail) {
    }

    public static Problem body(ErrorCode code, String detail) {
        return new Problem("https://erpinsight.org/problems/" + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                code.title(), code.httpStatus(), code.name(), detail);
    }
}
