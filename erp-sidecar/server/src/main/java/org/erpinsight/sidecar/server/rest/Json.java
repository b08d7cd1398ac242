package org.erpinsight.sidecar.server.rest;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON conventions of the contract: amounts as plain decimal strings, dates and times as ISO-8601 text. */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        SimpleModule amounts = new SimpleModule("amounts");
        amounts.addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                // keeps the scale: "1250.00", never 1250.0 or 1.25E+3
                gen.writeString(value.toPlainString());
            }
        });
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(amounts)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // the contract's types, strictly: a number or boolean where text belongs, or 0/1/"true"/"" where a
        // boolean belongs, is a client error (Jackson would otherwise read {"acceptCreditWarning":1} as true)
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }
}
