package dev.nce.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import dev.nce.kit.validation.FieldLimits;
import java.io.IOException;
import java.util.Collection;

/**
 * The backstop of issue 15 item 1 for every request body bound to a type: no JSON string longer than
 * {@link FieldLimits#TEXT} or holding NUL/control characters, no array longer than {@link FieldLimits#LIST}. The
 * tighter per-field limits (names, e-mails, ids) are Bean Validation {@code @Size} on the request records. The error
 * names the field (Jackson adds the path) and never echoes the value.
 */
final class RequestLimits {

    private RequestLimits() {}

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("nce-request-limits");
        module.addDeserializer(String.class, new LimitedString());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                    BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return new LimitedCollection(deserializer);
            }
        });
        return module;
    }

    static final class LimitedString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING && p.getTextLength() > FieldLimits.TEXT) {
                return (String) ctxt.reportInputMismatch(String.class,
                        "a string longer than " + FieldLimits.TEXT + " characters");
            }
            String value = super.deserialize(p, ctxt);
            if (value != null && FieldLimits.hasControl(value)) {
                return (String) ctxt.reportInputMismatch(String.class, "a string with a control character");
            }
            return value;
        }
    }

    static final class LimitedCollection extends DelegatingDeserializer {
        LimitedCollection(JsonDeserializer<?> delegate) { super(delegate); }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new LimitedCollection(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Collection<?> c && c.size() > FieldLimits.LIST) {
                return ctxt.reportInputMismatch(handledType(), "a list longer than " + FieldLimits.LIST + " entries");
            }
            return value;
        }
    }
}
