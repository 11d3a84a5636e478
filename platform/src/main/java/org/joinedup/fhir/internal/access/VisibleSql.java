package org.joinedup.fhir.internal.access;

import java.util.ArrayList;
import java.util.List;
import org.joinedup.fhir.Visibility;

/**
 * The SQL condition that keeps a resource row visible to the current {@link Caller}: every patient whose
 * compartment holds it is one the caller may see (their own, granted, or in a care relationship with the
 * caller's organisation or person), and it carries no hidden security label.
 *
 * @param text the condition, on the resource row aliased as given; {@code TRUE} when nothing is hidden
 * @param args its bind values, in order
 */
public record VisibleSql(String text, List<Object> args) {

    private static final VisibleSql ALWAYS = new VisibleSql("TRUE", List.of());

    public static VisibleSql on(String alias) {
        return on(Caller.access().visibility(), alias);
    }

    public static VisibleSql on(Visibility visibility, String alias) {
        if (visibility.unrestricted()) {
            return ALWAYS;
        }
        StringBuilder text = new StringBuilder("(");
        List<Object> args = new ArrayList<>();
        if (!visibility.allPatients()) {
            text.append("(").append(alias).append(".patients IS NULL OR NOT EXISTS (SELECT 1 FROM unnest(")
                    .append(alias).append(".patients) vp(id) WHERE vp.id <> ALL (?::text[])");
            args.add(array(visibility.patients()));
            if (!visibility.parties().isEmpty()) {
                // a relationship with one of the caller's parties; where the patient objects to sharing, only
                // relationships of the parties that recorded the objection count
                text.append(" AND NOT EXISTS (SELECT 1 FROM care_relationship cr WHERE cr.patient = vp.id AND cr.party = ANY (?::text[])")
                        .append(" AND cr.kind <> 'objection' AND (NOT EXISTS (SELECT 1 FROM care_relationship ob WHERE ob.patient = vp.id")
                        .append(" AND ob.kind = 'objection') OR EXISTS (SELECT 1 FROM care_relationship ob WHERE ob.patient = vp.id")
                        .append(" AND ob.kind = 'objection' AND ob.party = ANY (?::text[]))))");
                args.add(array(visibility.parties()));
                args.add(array(visibility.parties()));
            }
            text.append("))");
        }
        if (!visibility.hiddenLabels().isEmpty()) {
            if (text.length() > 1) {
                text.append(" AND ");
            }
            text.append("NOT coalesce(").append(alias).append(".labels && ?::text[], false)");
            args.add(array(visibility.hiddenLabels()));
        }
        return new VisibleSql(text.append(")").toString(), List.copyOf(args));
    }

    /** Whether the condition filters anything. */
    public boolean filters() {
        return this != ALWAYS;
    }

    /** Bound as a JDBC array (the driver sends a String[] as text[]). */
    private static String[] array(java.util.Set<String> values) {
        return values.toArray(String[]::new);
    }
}
