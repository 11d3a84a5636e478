package org.joinedup.monitoring.internal;

import java.util.Set;
import org.joinedup.access.StaffAccess;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.identity.SignedInUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The virtual ward team's pages: their organisation's wards ({@code /staff/wards}) and each ward's board (beds,
 * occupancy, each patient's latest NEWS2 with its trend, overdue readings, open alerts), sorted by acuity or by
 * name, updating without reload: a server-sent event stream tells the board to fetch its rows again.
 */
@Controller
class WardBoardPage {

    private static final Set<String> ROLES = Set.of("clinician", "care-worker");

    private final WardBoard boards;
    private final WardBoardStream stream;
    private final SignedInUsers users;
    private final StaffAccess access;

    WardBoardPage(WardBoard boards, WardBoardStream stream, SignedInUsers users, StaffAccess access) {
        this.boards = boards;
        this.stream = stream;
        this.users = users;
        this.access = access;
    }

    @GetMapping("/staff/wards")
    String wards(Authentication authentication, Model model) {
        SignedInUsers.StaffMember staff = staff(authentication);
        model.addAttribute("wards", boards.wards(as(staff), staff.organization()));
        model.addAttribute("organisation", staff.organization());
        return "staff/wards";
    }

    @GetMapping("/staff/wards/{id}")
    String board(Authentication authentication, @PathVariable String id, @RequestParam(defaultValue = "acuity") String sort, Model model) {
        rows(authentication, id, sort, model);
        return "staff/ward-board";
    }

    @GetMapping("/staff/wards/{id}/rows")
    String rows(Authentication authentication, @PathVariable String id, @RequestParam(defaultValue = "acuity") String sort, Model model) {
        SignedInUsers.StaffMember staff = staff(authentication);
        if (!id.matches("[A-Za-z0-9.-]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        WardBoard.Board board = boards.board(as(staff), staff.organization(), id, sort);
        if (board == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such virtual ward");
        }
        stream.showing(id, board.beds().stream().map(WardBoard.Bed::patientId).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("board", board);
        model.addAttribute("sort", "name".equals(sort) ? "name" : "acuity");
        return "staff/ward-board :: rows";
    }

    @GetMapping(path = "/staff/wards/{id}/stream", produces = "text/event-stream")
    SseEmitter stream(Authentication authentication, @PathVariable String id) {
        return stream.watch(staff(authentication).organization(), id);
    }

    private FhirAccess as(SignedInUsers.StaffMember staff) {
        return access.of(staff.username(), staff.role(), staff.organization());
    }

    private SignedInUsers.StaffMember staff(Authentication authentication) {
        return users.staffOf(authentication).filter(s -> ROLES.contains(s.role()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Only clinicians and care workers see ward boards"));
    }
}
