package org.joinedup.fhir.internal.json;

/** Where an element sits in a resource, rendered as FHIRPath ({@code Patient.identifier[0].value}) only when needed. */
public record ElementPath(ElementPath parent, String name, int index) {

    public static ElementPath root(String resourceType) {
        return new ElementPath(null, resourceType, -1);
    }

    public ElementPath child(String childName) {
        return new ElementPath(this, childName, -1);
    }

    public ElementPath item(int itemIndex) {
        return new ElementPath(parent, name, itemIndex);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        render(text);
        return text.toString();
    }

    private void render(StringBuilder text) {
        if (parent != null) {
            parent.render(text);
            text.append('.');
        }
        text.append(name);
        if (index >= 0) {
            text.append('[').append(index).append(']');
        }
    }
}
