package org.joinedup.shared;

/**
 * How the record holds what a person has said about their own care, so that every module writes and reads it the
 * same way: "what matters to me" as a {@code Goal} with this category, expressed by the patient; emergency care
 * preferences (ReSPECT recommendations, DNACPR) as an active advance-directive {@code Consent} (scope {@code adr}), and
 * the patient's own preferences as their latest answer to the emergency care preferences questionnaire.
 */
public final class PersonalisedCare {

    /** JoinedUp's code system for personalised care categories. */
    public static final String SYSTEM = "https://fhir.joinedup.nhs.uk/CodeSystem/personalised-care";
    public static final String WHAT_MATTERS_TO_ME = "what-matters-to-me";
    public static final String CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
    public static final String ADVANCE_DIRECTIVE = "adr";
    /** The patient's own emergency care and treatment preferences (ReSPECT sections 2 and 3) are answers to this questionnaire. */
    public static final String EMERGENCY_PREFERENCES_QUESTIONNAIRE = "https://fhir.joinedup.nhs.uk/Questionnaire/emergency-care-preferences";

    private PersonalisedCare() {
    }
}
