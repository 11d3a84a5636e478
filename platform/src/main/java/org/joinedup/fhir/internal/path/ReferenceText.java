package org.joinedup.fhir.internal.path;

/** Reads the resource type and id out of a reference string ({@code Patient/1}, {@code https://x/fhir/Patient/1/_history/2}). */
public final class ReferenceText {

    private ReferenceText() {
    }

    /**
     * The {@code [type, id]} a literal reference names on this server: relative ({@code Patient/1}, also with
     * {@code /_history/2}) or absolute under {@code baseUrl}. Null for a contained, URN or other server's
     * reference, or one that names no type and id.
     */
    public static String[] local(String reference, String baseUrl) {
        if (reference == null || isAbsolute(reference) && (baseUrl == null || !reference.startsWith(baseUrl + "/"))) {
            return null;
        }
        String path = isAbsolute(reference) ? reference.substring(baseUrl.length() + 1) : reference;
        return typeAndId(path);
    }

    /** Whether a reference is an absolute URL or a URN rather than a path relative to a server. */
    public static boolean isAbsolute(String reference) {
        return reference.contains("://") || reference.startsWith("urn:");
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
