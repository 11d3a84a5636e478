package org.joinedup.alerts.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.joinedup.alerts.AlertKind;
import org.joinedup.identity.SignedInUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alerts page for staff who respond ({@code /staff/alerts}): the open alerts they see, most severe first,
 * updating without reload (a server-sent event stream tells the page to fetch the list again); each alert's page
 * to acknowledge it, say someone is with the person, and close it with an outcome, with everything it did. Views
 * of alerts naming patients are audited as views of their records.
 */
@Controller
class AlertsPage {

    private static final Set<String> ROLES = Set.of("clinician", "care-worker");

    private final AlertStore store;
    private final AlertDesk desk;
    private final LiveAlerts live;
    private final SignedInUsers users;
    private final AlertAudit audit;
    private final AlertRoutes routes;
    private final AlertShifts shifts;

    AlertsPage(AlertStore store, AlertDesk desk, LiveAlerts live, SignedInUsers users, AlertAudit audit, AlertRoutes routes, AlertShifts shifts) {
        this.shifts = shifts;
        this.routes = routes;
        this.store = store;
        this.desk = desk;
        this.live = live;
        this.users = users;
        this.audit = audit;
    }

    /** The page: every alert the member of staff sees, or one kind's (a care home's falls board: {@code ?kind=fall}). */
    @GetMapping("/staff/alerts")
    String page(Authentication authentication, @RequestParam(defaultValue = "") String kind, Model model) {
        list(authentication, kind, model);
        SignedInUsers.StaffMember staff = responder(authentication);
        model.addAttribute("rules", routes.describe(staff.organization()));
        model.addAttribute("onShiftSince", shifts.since(staff.username(), staff.organization()).map(AlertView::time).orElse(null));
        return "staff/alerts";
    }

    /** The list alone, which the page fetches again when told an alert changed. */
    @GetMapping("/staff/alerts/list")
    String list(Authentication authentication, @RequestParam(defaultValue = "") String kind, Model model) {
        SignedInUsers.StaffMember staff = responder(authentication);
        AlertKind only = java.util.Arrays.stream(AlertKind.values()).filter(k -> k.code().equals(kind)).findFirst().orElse(null);
        List<Alert> open = store.openFor(staff.username(), staff.role(), staff.organization()).stream().filter(a -> only == null || a.kind() == only).toList();
        List<Alert> closed = store.closedFor(staff.username(), staff.role(), staff.organization(), 50).stream().filter(a -> only == null || a.kind() == only)
                .limit(20).toList();
        model.addAttribute("kind", only == null ? "" : only.code());
        model.addAttribute("kindLabel", only == null ? null : only.label());
        audit.viewed(staff, "/staff/alerts", "page alerts", java.util.stream.Stream.concat(open.stream(), closed.stream()).toList());
        model.addAttribute("open", open.stream().map(AlertView::of).toList());
        model.addAttribute("closed", closed.stream().map(AlertView::of).toList());
        model.addAttribute("organisation", staff.organization());
        return "staff/alerts :: list";
    }

    /** Starting or ending one's shift: alerts routed to one's role are sent to those on shift. */
    @PostMapping("/staff/alerts/shift")
    String shift(Authentication authentication, @RequestParam(defaultValue = "") String action, RedirectAttributes redirect) {
        SignedInUsers.StaffMember staff = responder(authentication);
        if ("start".equals(action)) {
            shifts.start(staff.username(), staff.organization(), staff.role());
            redirect.addFlashAttribute("shiftOutcome", "Your shift has started: alerts for " + staff.role().replace('-', ' ') + "s come to you.");
        } else {
            shifts.end(staff.username(), staff.organization());
            redirect.addFlashAttribute("shiftOutcome", "Your shift has ended.");
        }
        return "redirect:/staff/alerts";
    }

    @GetMapping(path = "/staff/alerts/stream", produces = "text/event-stream")
    SseEmitter stream(Authentication authentication) {
        SignedInUsers.StaffMember staff = responder(authentication);
        return live.watch(staff.username(), staff.role(), staff.organization());
    }

    @GetMapping("/staff/alerts/{id}")
    String alert(Authentication authentication, @PathVariable UUID id, Model model) {
        SignedInUsers.StaffMember staff = responder(authentication);
        Alert alert = shown(staff, id);
        audit.viewed(staff, "/staff/alerts/" + id, "page alert", List.of(alert));
        model.addAttribute("alert", AlertView.of(alert));
        model.addAttribute("history", store.history(id).stream().map(h -> new String[] {AlertView.time(h.at()), h.what(), h.actor(),
                h.detail() == null ? "" : h.detail()}).toList());
        return "staff/alert";
    }

    @PostMapping("/staff/alerts/{id}/acknowledge")
    String acknowledge(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
        SignedInUsers.StaffMember staff = responder(authentication);
        shown(staff, id);
        redirect.addFlashAttribute("outcome", desk.acknowledge(id, staff.username()) ? "You have acknowledged the alert." : "Someone had acknowledged it already.");
        return "redirect:/staff/alerts/" + id;
    }

    @PostMapping("/staff/alerts/{id}/attend")
    String attend(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
        SignedInUsers.StaffMember staff = responder(authentication);
        shown(staff, id);
        redirect.addFlashAttribute("outcome", desk.attend(id, staff.username()) ? "Recorded: you are with them." : "Someone was with them already.");
        return "redirect:/staff/alerts/" + id;
    }

    @PostMapping("/staff/alerts/{id}/close")
    String close(Authentication authentication, @PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
                 @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        SignedInUsers.StaffMember staff = responder(authentication);
        Alert alert = shown(staff, id);
        if (!alert.kind().outcomes().contains(outcome)) {
            redirect.addFlashAttribute("problem", "Choose what happened");
            return "redirect:/staff/alerts/" + id + "#outcome";
        }
        if (note.length() > 1000) {
            redirect.addFlashAttribute("problem", "The note must be 1,000 characters or fewer");
            return "redirect:/staff/alerts/" + id + "#note";
        }
        redirect.addFlashAttribute("outcome", desk.close(id, staff.username(), outcome, note.strip()) ? "The alert is closed." : "It had been closed already.");
        return "redirect:/staff/alerts/" + id;
    }

    private Alert shown(SignedInUsers.StaffMember staff, UUID id) {
        return store.find(id).filter(a -> a.shownTo(staff.username(), staff.role(), staff.organization()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such alert for you"));
    }

    static SignedInUsers.StaffMember responder(SignedInUsers users, Authentication authentication) {
        return users.staffOf(authentication).filter(s -> ROLES.contains(s.role()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only clinicians and care workers respond to alerts"));
    }

    private SignedInUsers.StaffMember responder(Authentication authentication) {
        return responder(users, authentication);
    }
}
