package org.joinedup.fhir.internal.path;

/** Reads the resource type and id out of a reference string ({@code Patient/1}, {@code https://x/fhir/Patient/1/_history/2}). */
public final class ReferenceText {

    private ReferenceText() {
    }

    /** The resource type a literal reference names, or null for a contained ({@code #x}), URN or unparseable reference. */
    public static String typeOf(String reference) {
        String[] parts = typeAndId(reference);
        return parts == null ? null : parts[0];
    }

    /** {@code [type, id, version-or-null]}, or null when the reference does not name a type and id. */
    public static String[] typeAndId(String reference) {
        if (reference == null || reference.isEmpty() || reference.startsWith("#") || reference.startsWith("urn:")) {
            return null;
        }
        String path = reference;
        int query = path.indexOf('?');
        if (query >= 0) {
            return null;
        }
        String version = null;
        int history = path.indexOf("/_history/");
        if (history >= 0) {
            version = path.substring(history + "/_history/".length());
            path = path.substring(0, history);
        }
        int slash = path.lastIndexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            return null;
        }
        int typeStart = path.lastIndexOf('/', slash - 1) + 1;
        String type = path.substring(typeStart, slash);
        if (type.isEmpty() || !Character.isUpperCase(type.charAt(0))) {
            return null;
        }
        return new String[] {type, path.substring(slash + 1), version};
    }
}
