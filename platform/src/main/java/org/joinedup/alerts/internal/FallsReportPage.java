package org.joinedup.alerts.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.joinedup.identity.SignedInUsers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /staff/alerts/falls}: the falls report of the signed-in member of staff's organisation (a care home), by
 * month, with response times and falls per 1,000 occupied bed days, and the chosen month's incident list.
 */
@Controller
class FallsReportPage {

    private final FallsReport report;
    private final SignedInUsers users;
    private final AlertAudit audit;

    FallsReportPage(FallsReport report, SignedInUsers users, AlertAudit audit) {
        this.report = report;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/staff/alerts/falls")
    String page(Authentication authentication, @RequestParam(required = false) String month, Model model) {
        SignedInUsers.StaffMember staff = AlertsPage.responder(users, authentication);
        LocalDate today = LocalDate.now(FallsReport.LOCAL);
        YearMonth chosen;
        try {
            chosen = month == null || month.isBlank() ? YearMonth.from(today) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            chosen = YearMonth.from(today);
            model.addAttribute("problem", "Enter the month as year and month, for example " + YearMonth.from(today));
        }
        List<Alert> incidents = report.incidents(staff.organization(), chosen);
        audit.viewed(staff, "/staff/alerts/falls?month=" + chosen, "page falls-report", incidents);
        model.addAttribute("organisation", staff.organization());
        model.addAttribute("months", report.months(staff.organization(), today));
        model.addAttribute("month", chosen.toString());
        model.addAttribute("incidents", incidents.stream().map(AlertView::of).toList());
        return "staff/falls-report";
    }
}
