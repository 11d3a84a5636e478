package org.joinedup.analytics;

/** A ViewDefinition that cannot be run (it is malformed, or a path of it is not FHIRPath), or a row it cannot make, and why. */
public class ViewDefinitionException extends RuntimeException {

    public ViewDefinitionException(String message) {
        super(message);
    }
}
