package org.joinedup.analytics.internal;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.exceptions.PathEngineException;
import org.hl7.fhir.r4.fhirpath.BaseHostServices;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.fhirpath.FHIRPathUtilityClasses.FunctionDetails;
import org.hl7.fhir.r4.fhirpath.TypeDetails;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.utilities.fhirpath.FHIRPathConstantEvaluationMode;
import org.joinedup.analytics.ViewDefinitionException;

/**
 * FHIRPath for views: HAPI's FHIRPath engine (R4), with the functions SQL on FHIR adds ({@code getResourceKey()},
 * {@code getReferenceKey([type])}), the view's constants and {@code %rowIndex}, and each expression parsed once.
 */
final class ViewPaths {

    /** What an expression is evaluated with: the view's constants and the index of the row being made. */
    record Scope(Map<String, List<Base>> constants, int rowIndex) {
    }

    private final FHIRPathEngine engine;
    private final Map<String, ExpressionNode> parsed = new ConcurrentHashMap<>();

    ViewPaths(FhirContext context) {
        engine = new FHIRPathEngine(new HapiWorkerContext(context, context.getValidationSupport()));
        engine.setHostServices(new Host(engine));
    }

    /** An expression parsed, or the reason it is not FHIRPath. */
    ExpressionNode parse(String expression) {
        return parsed.computeIfAbsent(expression, e -> {
            try {
                return engine.parse(e);
            } catch (RuntimeException ex) {
                throw new ViewDefinitionException("Not a FHIRPath expression: '" + e + "' (" + ex.getMessage() + ")");
            }
        });
    }

    List<Base> evaluate(Scope scope, Base focus, String expression) {
        try {
            return engine.evaluate(scope, focus, focus, focus, parse(expression));
        } catch (FHIRException e) {
            throw new ViewDefinitionException("'" + expression + "' could not be evaluated: " + e.getMessage());
        }
    }

    /** The engine's host: constants, %rowIndex, and the two functions SQL on FHIR defines. */
    private static final class Host extends BaseHostServices {

        Host(FHIRPathEngine engine) {
            super(null);
        }

        @Override
        public List<Base> resolveConstant(FHIRPathEngine engine, Object context, String name, FHIRPathConstantEvaluationMode mode) {
            if (mode != FHIRPathConstantEvaluationMode.EXPLICIT) {
                return List.of(); // the engine asks about every plain name too: only %names are constants
            }
            Scope scope = (Scope) context;
            if (name.equals("rowIndex")) {
                return List.of(new IntegerType(scope.rowIndex()));
            }
            List<Base> value = scope.constants().get(name);
            if (value == null) {
                throw new PathEngineException("The view has no constant %" + name);
            }
            return value;
        }

        @Override
        public TypeDetails resolveConstantType(FHIRPathEngine engine, Object context, String name, FHIRPathConstantEvaluationMode mode) {
            return null;
        }

        @Override
        public FunctionDetails resolveFunction(FHIRPathEngine engine, String name) {
            return switch (name) {
                case "getResourceKey" -> new FunctionDetails("The resource's key", 0, 0);
                case "getReferenceKey" -> new FunctionDetails("The referenced resource's key", 0, 1);
                default -> null;
            };
        }

        @Override
        public TypeDetails checkFunction(FHIRPathEngine engine, Object context, String name, TypeDetails focus, List<TypeDetails> parameters) {
            return null;
        }

        @Override
        public List<Base> executeFunction(FHIRPathEngine engine, Object context, List<Base> focus, String name, List<List<Base>> parameters) {
            List<Base> keys = new ArrayList<>();
            for (Base item : focus) {
                if (name.equals("getResourceKey") && item instanceof Resource resource && resource.getIdElement().getIdPart() != null) {
                    keys.add(new StringType(resource.getIdElement().getIdPart()));
                } else if (name.equals("getReferenceKey") && item instanceof Reference reference && reference.getReference() != null) {
                    String[] parts = reference.getReference().replaceFirst("/_history/.*$", "").split("/");
                    String type = parameters.isEmpty() || parameters.getFirst().isEmpty() ? null : typeName(parameters.getFirst().getFirst());
                    if (parts.length >= 2 && (type == null || type.equals(parts[parts.length - 2]))) {
                        keys.add(new StringType(parts[parts.length - 1]));
                    }
                }
            }
            return keys;
        }

        /** The type named by getReferenceKey's argument: the engine passes a type parameter as its qualified name ("FHIR.Patient"). */
        private static String typeName(Base argument) {
            String name = argument.isPrimitive() ? argument.primitiveValue() : argument.fhirType();
            return name.startsWith("FHIR.") ? name.substring(5) : name;
        }

        @Override
        public boolean log(String argument, List<Base> focus) {
            return false;
        }

        @Override
        public boolean paramIsType(String name, int index) {
            return name.equals("getReferenceKey") && index == 0;
        }

        @Override
        public Base resolveReference(FHIRPathEngine engine, Object context, String url, Base refContext) {
            return null;
        }

        @Override
        public boolean conformsToProfile(FHIRPathEngine engine, Object context, Base item, String url) {
            return false;
        }

        @Override
        public org.hl7.fhir.r4.model.ValueSet resolveValueSet(FHIRPathEngine engine, Object context, String url) {
            return null;
        }
    }
}
