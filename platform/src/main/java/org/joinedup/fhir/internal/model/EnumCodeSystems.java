package org.joinedup.fhir.internal.model;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.RuntimeChildPrimitiveEnumerationDatatypeDefinition;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * The code system behind each code of an element bound to a FHIR value set, read from HAPI's generated
 * enums, so that {@code gender=http://hl7.org/fhir/administrative-gender|male} finds {@code "gender": "male"}.
 */
final class EnumCodeSystems {

    private EnumCodeSystems() {
    }

    static Map<String, String> of(BaseRuntimeChildDefinition child) {
        if (!(child instanceof RuntimeChildPrimitiveEnumerationDatatypeDefinition enumerated)) {
            return Map.of();
        }
        Class<?> type = enumerated.getBoundEnumType();
        if (type == null || !type.isEnum()) {
            return Map.of();
        }
        try {
            Method toCode = type.getMethod("toCode");
            Method getSystem = type.getMethod("getSystem");
            Map<String, String> systems = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                Object code = toCode.invoke(constant);
                Object system = getSystem.invoke(constant);
                if (code instanceof String c && system instanceof String s && !c.equals("?")) {
                    systems.put(c, s);
                }
            }
            return Map.copyOf(systems);
        } catch (ReflectiveOperationException e) {
            return Map.of();
        }
    }
}
