package org.joinedup.demo.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Care plans (heart failure, dementia, end of life) from the GP practice, and clinic letters from the trust after
 * outpatient appointments, as text attachments.
 */
final class RegionDocuments {

    private static final String SNOMED = RegionGenerator.SNOMED;

    private RegionDocuments() {
    }

    /** A care plan for a condition that usually has one, and an end-of-life plan for some of the very old and frail. */
    static void carePlans(SplittableRandom random, String patient, int age, String heartFailure, String dementia, RegionOrganisations.Org practice,
                          LocalDate today, Consumer<ObjectNode> out) {
        if (heartFailure != null && random.nextDouble() < 0.7) {
            out.accept(carePlan(patient + "-cp-hf", patient, "Heart failure care plan", "Weigh daily; call the heart failure nurse if weight rises "
                    + "by 2 kg in 3 days or breathlessness worsens. Annual review with echocardiogram.", heartFailure, practice,
                    today.minusDays(random.nextInt(30, 700))));
        }
        if (dementia != null && random.nextDouble() < 0.7) {
            out.accept(carePlan(patient + "-cp-dem", patient, "Dementia care plan", "Lives with family support. Memory clinic review yearly. "
                    + "Carer's assessment offered. Lasting power of attorney for health registered.", dementia, practice,
                    today.minusDays(random.nextInt(30, 900))));
        }
        if (age >= 85 && (heartFailure != null || dementia != null) && random.nextDouble() < 0.3) {
            out.accept(carePlan(patient + "-cp-eol", patient, "End of life care plan", "Preferred place of care: home. Anticipatory medicines "
                    + "prescribed. Do not attempt cardiopulmonary resuscitation decision recorded and discussed with the family.", null, practice,
                    today.minusDays(random.nextInt(7, 200))));
        }
    }

    private static ObjectNode carePlan(String id, String patient, String title, String description, String condition,
                                       RegionOrganisations.Org practice, LocalDate created) {
        ObjectNode c = RegionMedicines.resource("CarePlan", id);
        c.put("status", "active");
        c.put("intent", "plan");
        c.putArray("category").addObject().put("text", title);
        c.put("title", title);
        c.put("description", description);
        c.putObject("subject").put("reference", "Patient/" + patient);
        c.putObject("period").put("start", created.toString());
        c.put("created", created.toString());
        c.putObject("author").put("reference", "Organization/" + practice.id()).put("display", practice.name());
        if (condition != null) {
            c.putArray("addresses").addObject().put("reference", "Condition/" + condition);
        }
        return c;
    }

    /** The clinic letter to the GP after an outpatient appointment that took place. */
    static ObjectNode clinicLetter(String id, String patient, RegionOrganisations.Org trust, RegionOrganisations.Org practice, LocalDate seen,
                                   String clinic) {
        ObjectNode d = RegionMedicines.resource("DocumentReference", id);
        d.put("status", "current");
        d.putObject("type").putArray("coding").addObject().put("system", SNOMED).put("code", "371531000")
                .put("display", "Report of clinical encounter");
        d.putObject("subject").put("reference", "Patient/" + patient);
        LocalDate written = seen.plusDays(3);
        d.put("date", written + "T12:00:00Z");
        d.putArray("author").addObject().put("reference", "Organization/" + trust.id()).put("display", trust.name());
        d.putObject("custodian").put("reference", "Organization/" + trust.id()).put("display", trust.name());
        d.put("description", clinic + " clinic letter");
        String text = trust.name() + "\n" + clinic + " clinic\n\nTo: " + practice.name() + "\nSeen: " + seen + "\n\n"
                + "Thank you for referring this patient. They were seen in the " + clinic.toLowerCase(java.util.Locale.ROOT) + " clinic today. "
                + "Examination was unremarkable and the plan agreed with them is to continue their current treatment, with a review in "
                + "six months. No changes to medicines.\n";
        d.putArray("content").addObject().putObject("attachment").put("contentType", "text/plain").put("language", "en-GB")
                .put("data", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)))
                .put("title", clinic + " clinic letter, " + seen).put("creation", written + "T12:00:00Z");
        d.putObject("context").putObject("period").put("start", seen.toString());
        return d;
    }
}
