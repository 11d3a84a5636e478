package org.joinedup.monitoring;

import java.util.Map;

/**
 * A NEWS2 score: its total (0 to 20), each parameter's sub-score, whether any single parameter scored 3 (a "red
 * score"), the clinical risk by the RCP's Chart 2 and the response and least monitoring by Chart 3.
 */
public record News2Score(int total, Map<News2.Parameter, Integer> subScores, boolean redScore, Risk risk) {

    /** Chart 2's clinical risk, each with Chart 3's least frequency of monitoring and clinical response. */
    public enum Risk {
        LOW("Low", "Minimum 12-hourly", "Continue routine NEWS monitoring"),
        LOW_AND_SCORING("Low", "Minimum 4–6-hourly",
                "Inform registered nurse, who must assess the patient and decide whether to increase monitoring or escalate care"),
        LOW_MEDIUM("Low–medium", "Minimum 1-hourly",
                "Registered nurse to inform the medical team, who review and decide whether to escalate care"),
        MEDIUM("Medium", "Minimum 1-hourly",
                "Nurse to inform the medical team at once; urgent assessment by a clinician competent in acute illness"),
        HIGH("High", "Continuous monitoring of vital signs",
                "Nurse to inform the medical team at once; emergency assessment by a team with critical-care competencies; consider transfer to level 2/3 care");

        private final String label;
        private final String monitoring;
        private final String response;

        Risk(String label, String monitoring, String response) {
            this.label = label;
            this.monitoring = monitoring;
            this.response = response;
        }

        public String label() {
            return label;
        }

        public String monitoring() {
            return monitoring;
        }

        public String response() {
            return response;
        }
    }
}
