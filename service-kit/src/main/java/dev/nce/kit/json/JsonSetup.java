package dev.nce.kit.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * REST JSON rules of API.md: amounts are JSON strings both ways (a number for money is 400), unknown fields are 400,
 * instants ISO-8601, nulls written.
 */
@Singleton
public class JsonSetup implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // issue 15 item 6: {"quantity": 10.4} is not 10, duplicate keys and trailing garbage are malformed JSON
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        SimpleModule module = new SimpleModule("nce-money");
        module.addDeserializer(BigDecimal.class, new StringOnlyDecimal());
        mapper.registerModule(module);
        mapper.registerModule(RequestLimits.module());
    }

    /** Money and rates must be JSON strings ("5.17"): a JSON number is refused so no binary float sneaks in. */
    static final class StringOnlyDecimal extends StdScalarDeserializer<BigDecimal> {
        StringOnlyDecimal() { super(BigDecimal.class); }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getText().trim();
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text, "not a decimal amount");
                }
            }
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p.currentToken(), p,
                    "an amount must be a JSON string, e.g. \"5.17\"");
        }
    }
}
