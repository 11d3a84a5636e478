package org.joinedup.forms;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.joinedup.fhir.FhirAccess;

/**
 * The questionnaires patients answer: their forms, the checking of answers, drafts kept to come back to, and the
 * completed answer stored as a QuestionnaireResponse, scored and triaged by the questionnaire's rules (its score
 * as an Observation, its flags as Flags for the care team).
 */
public interface Questionnaires {

    List<Form> all();

    Optional<Form> named(String name);

    /** What is wrong with the answers to the questions shown, by answer key, in the form's order (empty if nothing). */
    Map<String, String> problems(Form form, Answers answers);

    /** The answers saved in the patient's draft of this form (empty if none). */
    Answers draft(FhirAccess as, String patientId, Form form);

    /** Keeps the answers as a draft to come back to. */
    void saveDraft(FhirAccess as, String patientId, Form form, Answers answers);

    /**
     * A photo as an answer keeps it: a JPEG or PNG of at most {@link #MOST_PHOTO_BYTES}, turned the right way up,
     * made no larger than it needs to be seen, and stripped of what the camera recorded (where it was taken); or why
     * it is refused.
     */
    Kept keepPhoto(String filename, byte[] data);

    /** The largest photo taken: 10 MB. */
    long MOST_PHOTO_BYTES = 10L * 1024 * 1024;

    /** A photo kept as an answer, or why it was not. */
    record Kept(Answers.Attachment photo, String problem) {
    }

    /**
     * Stores the completed answers (checked first by the caller) about what they were asked for ({@code about}: a
     * waiting list entry or a follow-up episode, or null), with the score and flags the rules give, after the
     * operations the rules ask for on it (a validation answer, an appointment request) have been accepted.
     */
    Result submit(FhirAccess as, String patientId, Form form, Answers answers, String about);

    /**
     * What a completed questionnaire came to: its total and band (if scored), its flags (urgent ones first), what to
     * tell the patient next; or, when an operation the rules ask for was refused, why (and nothing was stored).
     */
    record Result(String responseId, Integer score, String band, List<String> flags, boolean urgent, String thanks, String problem) {
    }
}
