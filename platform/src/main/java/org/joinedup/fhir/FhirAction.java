package org.joinedup.fhir;

/** What an interaction does to a resource type, as SMART v2 scopes name it ({@code c r u d s}). */
public enum FhirAction {
    CREATE('c'), READ('r'), UPDATE('u'), DELETE('d'), SEARCH('s');

    private final char letter;

    FhirAction(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }
}
