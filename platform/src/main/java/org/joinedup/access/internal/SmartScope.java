package org.joinedup.access.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.joinedup.fhir.FhirAction;

/**
 * One SMART App Launch scope on FHIR data: {@code context/Type.actions}, in v2 form ({@code patient/Observation.rs},
 * {@code system/*.cruds}) or v1 form ({@code user/*.read}, {@code patient/Patient.write}, {@code .*}).
 *
 * @param context patient, user or system
 * @param type a resource type, or * for all
 * @param actions what it allows
 */
record SmartScope(String context, String type, Set<FhirAction> actions) {

    /** Parses a scope; null when it is not a SMART resource scope (openid, fhirUser, launch/patient, ...). */
    static SmartScope parse(String scope) {
        int slash = scope.indexOf('/');
        int dot = scope.lastIndexOf('.');
        if (slash <= 0 || dot <= slash + 1 || dot == scope.length() - 1) {
            return null;
        }
        String context = scope.substring(0, slash);
        if (!Set.of("patient", "user", "system").contains(context)) {
            return null;
        }
        String type = scope.substring(slash + 1, dot);
        String permission = scope.substring(dot + 1);
        int query = permission.indexOf('?');
        if (query >= 0) {
            // v2 finer-grained scopes (Observation.rs?category=...) narrow further; refuse them rather than widen
            return null;
        }
        Set<FhirAction> actions = actions(permission);
        return actions == null ? null : new SmartScope(context, type, actions);
    }

    private static Set<FhirAction> actions(String permission) {
        switch (permission) {
            case "read":
                return EnumSet.of(FhirAction.READ, FhirAction.SEARCH);
            case "write":
                return EnumSet.of(FhirAction.CREATE, FhirAction.UPDATE, FhirAction.DELETE);
            case "*":
                return EnumSet.allOf(FhirAction.class);
            default:
                break;
        }
        Set<FhirAction> actions = EnumSet.noneOf(FhirAction.class);
        String order = "cruds";
        int last = -1;
        for (char c : permission.toLowerCase(Locale.ROOT).toCharArray()) {
            int position = order.indexOf(c);
            if (position <= last) {
                return null;
            }
            last = position;
            actions.add(FhirAction.values()[position]);
        }
        return actions.isEmpty() ? null : actions;
    }

    boolean allows(String resourceType, FhirAction action) {
        return (type.equals("*") || type.equals(resourceType)) && actions.contains(action);
    }
}
