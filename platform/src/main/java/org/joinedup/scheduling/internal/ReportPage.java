package org.joinedup.scheduling.internal;

import java.time.YearMonth;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The missed appointments and waiting list report for staff ({@code /staff/reports/appointments}); the same figures as {@code Appointment/$attendance-report}. */
@Controller
class ReportPage {

    private final StaffSession session;
    private final AttendanceReport report;

    ReportPage(StaffSession session, AttendanceReport report) {
        this.session = session;
        this.report = report;
    }

    @GetMapping("/staff/reports/appointments")
    String page(Authentication authentication, @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        var as = session.of(authentication);
        YearMonth last = parse(to, YearMonth.now(WaitingList.ENGLAND));
        YearMonth first = parse(from, last.minusMonths(11));
        model.addAttribute("report", report.of(as, first, last));
        return "staff/appointments-report";
    }

    private static YearMonth parse(String value, YearMonth otherwise) {
        try {
            return value == null || value.isBlank() ? otherwise : YearMonth.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return otherwise;
        }
    }
}
