package dev.nce.k8s;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.crdgenerator.annotations.Minimum;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;
import java.beans.Introspector;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a rendered Strimzi resource into Strimzi's own model classes (io.strimzi:api) and reports what the v1 schema
 * would refuse: a wrong apiVersion, a value Jackson cannot map (unknown enum or type), an unknown field (Strimzi's
 * models keep those in additionalProperties), a missing required field ({@code @JsonProperty(required = true)} or
 * {@code @RequiredInVersions} covering v1) and a number under its {@code @Minimum}.
 */
final class StrimziModel {

    static final String API_VERSION = "kafka.strimzi.io/v1";

    /** The Strimzi kinds the chart renders, with their model classes. */
    static final Map<String, Class<? extends HasMetadata>> MODELS = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class);

    private StrimziModel() {}

    /** The problems of one rendered resource (raw YAML map), each with the path of the field. */
    static List<String> problems(Map<String, Object> raw) {
        List<String> problems = new ArrayList<>();
        Class<? extends HasMetadata> type = MODELS.get((String) raw.get("kind"));
        if (type == null) {
            return List.of("no Strimzi model for kind " + raw.get("kind"));
        }
        if (!HasMetadata.getApiVersion(type).equals(raw.get("apiVersion"))) {
            problems.add("apiVersion " + raw.get("apiVersion") + ", Strimzi's model is " + HasMetadata.getApiVersion(type));
        }
        Object model;
        try {
            model = Serialization.jsonMapper().convertValue(raw, type);
        } catch (IllegalArgumentException e) {
            problems.add("does not deserialize into " + type.getSimpleName() + ": " + e.getMessage());
            return problems;
        }
        walk(model, raw, "", problems);
        return problems;
    }

    private static void walk(Object model, Object raw, String path, List<String> problems) {
        if (model == null || raw == null) {
            return;
        }
        if (model instanceof Collection<?> items && raw instanceof List<?> rawItems) {
            Iterator<?> r = rawItems.iterator();
            int i = 0;
            for (Object item : items) {
                walk(item, r.hasNext() ? r.next() : null, path + "[" + i++ + "]", problems);
            }
            return;
        }
        String pkg = model.getClass().getPackageName();
        if (!(raw instanceof Map<?, ?> rawMap)
                || !(pkg.startsWith("io.strimzi.api") || pkg.startsWith("io.fabric8.kubernetes.api.model"))) {
            return;
        }
        for (Object unknown : StrictModel.additionalProperties(model).keySet()) {
            problems.add("unknown field " + StrictModel.join(path, String.valueOf(unknown)));
        }
        for (Method getter : model.getClass().getMethods()) {
            String property = propertyName(getter);
            if (property == null) {
                continue;
            }
            JsonProperty json = annotation(model.getClass(), getter, property, JsonProperty.class);
            String name = json != null && !json.value().isEmpty() ? json.value() : property;
            RequiredInVersions requiredIn = annotation(model.getClass(), getter, property, RequiredInVersions.class);
            boolean required = (json != null && json.required()) || (requiredIn != null && coversV1(requiredIn.value()));
            if (required && !rawMap.containsKey(name)) {
                problems.add("missing required field " + StrictModel.join(path, name));
                continue;
            }
            Object value;
            try {
                value = getter.invoke(model);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(getter.toString(), e);
            }
            Minimum minimum = annotation(model.getClass(), getter, property, Minimum.class);
            if (minimum != null && rawMap.containsKey(name) && value instanceof Number n && n.longValue() < minimum.value()) {
                problems.add(StrictModel.join(path, name) + " = " + n + " is under its minimum " + minimum.value());
            }
            walk(value, rawMap.get(name), StrictModel.join(path, name), problems);
        }
    }

    /** The bean property of a getter Jackson would serialize, or null. */
    private static String propertyName(Method m) {
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.isBridge()
                || m.getDeclaringClass() == Object.class || m.isAnnotationPresent(JsonIgnore.class)
                || m.getName().equals("getAdditionalProperties")) {
            return null;
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3) {
            return Introspector.decapitalize(n.substring(3));
        }
        if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return Introspector.decapitalize(n.substring(2));
        }
        return null;
    }

    /** An annotation on the getter, or on the field of the same property (Lombok-style models annotate either). */
    private static <A extends java.lang.annotation.Annotation> A annotation(Class<?> type, Method getter, String property, Class<A> kind) {
        A onGetter = getter.getAnnotation(kind);
        if (onGetter != null) {
            return onGetter;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(property) && f.getAnnotation(kind) != null) {
                    return f.getAnnotation(kind);
                }
            }
        }
        return null;
    }

    /** Whether a Strimzi version range ("v1+", "v1beta2-v1", "v1", "all") includes v1. */
    static boolean coversV1(String range) {
        String r = range.trim();
        return r.equals("all") || r.endsWith("+") || r.equals("v1") || r.endsWith("-v1");
    }
}
