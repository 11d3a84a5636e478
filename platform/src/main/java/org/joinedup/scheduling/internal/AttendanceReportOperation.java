package org.joinedup.scheduling.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirApi;
import org.springframework.stereotype.Component;

/**
 * {@code GET Appointment/$attendance-report?from=2026-01&to=2026-12} (default: the last twelve months): the
 * {@link AttendanceReport} as Parameters, an {@code attendance} part per service, month and reminder status
 * (attended, missed, dnaRate) and a {@code waitingList} part per list and validation outcome. Staff only.
 */
@Component
class AttendanceReportOperation extends SchedulingOperation {

    private final AttendanceReport report;

    AttendanceReportOperation(AttendanceReport report) {
        this.report = report;
    }

    @Override
    public String name() {
        return "attendance-report";
    }

    @Override
    FhirApi.Answer run(FhirAccess caller, String method, String id, OperationInput input) {
        if (PatientRules.isPatient(caller)) {
            throw new Refusal(403, "forbidden", "The report is for staff");
        }
        YearMonth to = month(input.get("to"), YearMonth.now(WaitingList.ENGLAND));
        YearMonth from = month(input.get("from"), to.minusMonths(11));
        AttendanceReport.Report result = report.of(caller, from, to);
        ObjectNode parameters = StoreCalls.JSON.createObjectNode().put("resourceType", "Parameters");
        ArrayNode list = parameters.putArray("parameter");
        for (AttendanceReport.Attendance group : result.attendance()) {
            ArrayNode parts = list.addObject().put("name", "attendance").putArray("part");
            parts.addObject().put("name", "service").put("valueString", group.service());
            parts.addObject().put("name", "month").put("valueString", group.month());
            parts.addObject().put("name", "reminded").put("valueBoolean", group.reminded());
            parts.addObject().put("name", "attended").put("valueInteger", group.attended());
            parts.addObject().put("name", "missed").put("valueInteger", group.missed());
            parts.addObject().put("name", "dnaRate").put("valueDecimal", Math.round(1000.0 * group.missed() / (group.attended() + group.missed())) / 1000.0);
        }
        for (AttendanceReport.Waiting group : result.waiting()) {
            ArrayNode parts = list.addObject().put("name", "waitingList").putArray("part");
            parts.addObject().put("name", "list").put("valueString", group.list());
            parts.addObject().put("name", "outcome").put("valueString", group.outcome());
            parts.addObject().put("name", "count").put("valueInteger", group.count());
        }
        return resource(200, parameters);
    }

    private static YearMonth month(String value, YearMonth otherwise) {
        try {
            return value == null ? otherwise : YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refusal(400, "invalid", "'" + value + "' is not a month such as 2026-11");
        }
    }
}
