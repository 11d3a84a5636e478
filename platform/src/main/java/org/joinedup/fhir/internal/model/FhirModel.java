package org.joinedup.fhir.internal.model;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition.ChildTypeEnum;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildChoiceDefinition;
import ca.uhn.fhir.context.RuntimeChildExtension;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every FHIR R4 resource type and data type, with children, cardinality and summary flags, taken from
 * HAPI's R4 structures once at start-up. Lets the store check and index resource JSON without parsing it
 * into HAPI objects.
 */
public final class FhirModel {

    private final Map<String, ElementType> resourceTypes = new TreeMap<>();
    private final Map<BaseRuntimeElementDefinition<?>, ElementType> built = new IdentityHashMap<>();
    private final Map<String, ElementType> dataTypes = new TreeMap<>();
    private final ElementType anyResource = new ElementType("Resource", ElementType.Kind.ANY_RESOURCE, null);
    private final ElementType systemString = new ElementType("string", ElementType.Kind.PRIMITIVE, Primitive.SYSTEM_STRING);
    private final ElementType element = new ElementType("Element", ElementType.Kind.COMPLEX, null);
    private final FhirContext context;

    public FhirModel(FhirContext context) {
        this.context = context;
        for (String type : context.getResourceTypes()) {
            resourceTypes.put(type, build(context.getResourceDefinition(type), type, ElementType.Kind.RESOURCE));
        }
        ElementType extension = dataTypes.get("Extension");
        element.addChild(new Child("id", "id", systemString, false, 0, false, false));
        element.addChild(new Child("extension", "extension", extension, true, 0, false, false));
        element.freeze();
    }

    /** The type of the object that carries a primitive's id and extensions ({@code _birthDate}). */
    public ElementType element() {
        return element;
    }

    public FhirContext context() {
        return context;
    }

    /** The resource type with this exact name, or null. */
    public ElementType resourceType(String name) {
        return resourceTypes.get(name);
    }

    public Set<String> resourceTypeNames() {
        return resourceTypes.keySet();
    }

    /** A data type by name ({@code Quantity}, {@code string}), or null if no resource uses it. */
    public ElementType dataType(String name) {
        return dataTypes.get(name);
    }

    private ElementType build(BaseRuntimeElementDefinition<?> definition, String name, ElementType.Kind kind) {
        ElementType existing = built.get(definition);
        if (existing != null) {
            return existing;
        }
        ElementType type = new ElementType(name, kind, null);
        built.put(definition, type);
        if (kind == ElementType.Kind.COMPLEX && !name.contains(".")) {
            dataTypes.put(name, type);
        }
        BaseRuntimeElementCompositeDefinition<?> composite = (BaseRuntimeElementCompositeDefinition<?>) definition;
        for (BaseRuntimeChildDefinition child : composite.getChildren()) {
            addChild(type, name, child);
        }
        type.freeze();
        return type;
    }

    private void addChild(ElementType parent, String parentName, BaseRuntimeChildDefinition child) {
        String elementName = child.getElementName();
        boolean repeating = child.getMax() == -1 || child.getMax() > 1;
        if (child instanceof RuntimeChildExtension || "extension".equals(elementName) || "modifierExtension".equals(elementName)) {
            ElementType extension = typeOf(context.getElementDefinition("Extension"), "Extension");
            parent.addChild(new Child(elementName, elementName, extension, true, 0, child.isSummary(), false));
            return;
        }
        if (child instanceof RuntimeChildChoiceDefinition choice) {
            for (String jsonName : choice.getValidChildNames()) {
                BaseRuntimeElementDefinition<?> definition = choice.getChildByName(jsonName);
                if (definition == null) {
                    throw new IllegalStateException("No definition for " + parentName + "." + jsonName);
                }
                ElementType type = typeOf(definition, parentName + "." + elementName);
                parent.addChild(new Child(jsonName, elementName, type, repeating, child.getMin(), child.isSummary(), true));
            }
            return;
        }
        BaseRuntimeElementDefinition<?> definition = child.getChildByName(elementName);
        ElementType type;
        if (definition == null) {
            throw new IllegalStateException("No definition for " + parentName + "." + elementName);
        } else if ("id".equals(elementName) && parent.kind() != ElementType.Kind.RESOURCE) {
            type = systemString;
        } else {
            type = typeOf(definition, parentName + "." + elementName);
        }
        if ("url".equals(elementName) && "Extension".equals(parentName)) {
            type = systemString;
        }
        parent.addChild(new Child(elementName, elementName, type, repeating, child.getMin(), child.isSummary(), false,
                EnumCodeSystems.of(child)));
    }

    private ElementType typeOf(BaseRuntimeElementDefinition<?> definition, String path) {
        ChildTypeEnum childType = definition.getChildType();
        return switch (childType) {
            case PRIMITIVE_DATATYPE, PRIMITIVE_XHTML, PRIMITIVE_XHTML_HL7ORG, ID_DATATYPE -> primitive(definition.getName());
            case COMPOSITE_DATATYPE -> build(definition, definition.getName(), ElementType.Kind.COMPLEX);
            case RESOURCE_BLOCK -> build(definition, path, ElementType.Kind.COMPLEX);
            case CONTAINED_RESOURCE_LIST, CONTAINED_RESOURCES, RESOURCE -> anyResource;
            default -> throw new IllegalStateException("Unsupported element kind " + childType + " at " + path);
        };
    }

    private ElementType primitive(String name) {
        return dataTypes.computeIfAbsent(name,
                n -> new ElementType(n, ElementType.Kind.PRIMITIVE, Primitive.named(n)));
    }
}
