package org.joinedup.fhir.internal.rest;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.joinedup.fhir.FhirAction;
import org.joinedup.fhir.internal.access.Denials;
import org.joinedup.fhir.internal.bundle.BundleProcessor;
import org.joinedup.fhir.internal.model.FhirModel;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.outcome.Issue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Routes a {@link FhirRequest} to its interaction by the FHIR RESTful URL grammar, and turns every failure
 * into an OperationOutcome with the right status. Serves HTTP and the entries of batch Bundles alike.
 */
public final class Interactions {

    private static final Logger log = LoggerFactory.getLogger(Interactions.class);

    private final FhirModel model;
    private final ReadHandler reads;
    private final WriteHandler writes;
    private final SearchHandler searches;
    private final HistoryHandler histories;
    private final OperationHandler operations;
    private final BundleProcessor bundles;

    Interactions(FhirModel model, ReadHandler reads, WriteHandler writes, SearchHandler searches, HistoryHandler histories,
                 OperationHandler operations, BundleProcessor bundles) {
        this.model = model;
        this.reads = reads;
        this.writes = writes;
        this.searches = searches;
        this.histories = histories;
        this.operations = operations;
        this.bundles = bundles;
    }

    public FhirContext context() {
        return model.context();
    }

    public FhirResponse handle(FhirRequest request, String base) {
        try {
            return route(request, base);
        } catch (FhirException e) {
            return FhirResponse.error(e);
        } catch (DataIntegrityViolationException e) {
            log.info("Write conflict: {}", e.getMostSpecificCause().getMessage());
            return FhirResponse.error(FhirException.conflict("The write conflicts with another made at the same time; try again"));
        } catch (PessimisticLockingFailureException e) {
            return FhirResponse.error(FhirException.conflict("The write was blocked by another made at the same time; try again"));
        } catch (RuntimeException e) {
            String reference = java.util.UUID.randomUUID().toString();
            log.error("Unexpected error handling {} {} (reference {})", request.method(), request.path(), reference, e);
            return FhirResponse.error(new FhirException(500, Issue.error("exception",
                    "An unexpected error occurred; quote reference " + reference + " to the operators")));
        }
    }

    private FhirResponse route(FhirRequest request, String base) {
        List<String> path = request.path();
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        if (path.isEmpty()) {
            if (method.equals("POST")) {
                return bundles.process(request, base, this);
            }
            throw FhirException.badRequest("Searching every resource type at once is not supported; search one type, such as /Patient");
        }
        String first = path.getFirst();
        if (path.size() == 1 && first.equals("metadata")) {
            return only(method, "GET") ? operations.capabilities() : notAllowed(method, path);
        }
        if (path.size() == 1 && first.equals("_history")) {
            return only(method, "GET") ? histories.history(request, base, null, null) : notAllowed(method, path);
        }
        if (first.startsWith("$")) {
            if (path.size() == 1) {
                return operations.systemOperation(request, first);
            }
            throw FhirException.notFound("Unknown operation " + first + " at the system level");
        }
        if (model.resourceType(first) == null) {
            if (path.size() == 2 && path.get(1).startsWith("$") && operations.provides(first, path.get(1))) {
                return operations.typeOperation(request, base, first, path.get(1)); // on a logical model, as SQL on FHIR's ViewDefinition/$run
            }
            throw FhirException.notFound("Unknown resource type '" + first + "'");
        }
        return switch (path.size()) {
            case 1 -> typeLevel(request, base, first, method);
            case 2 -> secondLevel(request, base, first, path.get(1), method);
            case 3 -> thirdLevel(request, base, first, path.get(1), path.get(2), method);
            case 4 -> {
                permit(first, FhirAction.READ);
                if (path.get(2).equals("_history") && method.equals("GET")) {
                    yield reads.vread(request, first, path.get(1), path.get(3));
                }
                yield notAllowed(method, path);
            }
            default -> throw FhirException.notFound("No FHIR interaction has the URL /" + String.join("/", path));
        };
    }

    private FhirResponse typeLevel(FhirRequest request, String base, String type, String method) {
        switch (method) {
            case "GET" -> permit(type, FhirAction.SEARCH);
            case "POST" -> permit(type, FhirAction.CREATE);
            case "PUT", "PATCH" -> permit(type, FhirAction.UPDATE, FhirAction.SEARCH);
            case "DELETE" -> permit(type, FhirAction.DELETE, FhirAction.SEARCH);
            default -> { }
        }
        return switch (method) {
            case "GET" -> searches.search(request, base, type);
            case "POST" -> writes.create(request, base, type);
            case "PUT" -> writes.conditionalUpdate(request, base, type);
            case "DELETE" -> writes.conditionalDelete(request, type);
            case "PATCH" -> writes.conditionalPatch(request, base, type);
            default -> notAllowed(method, List.of(type));
        };
    }

    private FhirResponse secondLevel(FhirRequest request, String base, String type, String second, String method) {
        if (second.equals("_search") || second.equals("_history")) {
            permit(type, FhirAction.SEARCH);
        } else if (second.equals("$everything")) {
            permit(type, FhirAction.READ);
        } else if (!second.startsWith("$")) {
            switch (method) {
                case "GET" -> permit(type, FhirAction.READ);
                case "PUT", "PATCH" -> permit(type, FhirAction.UPDATE);
                case "DELETE" -> permit(type, FhirAction.DELETE);
                default -> { }
            }
        }
        if (second.equals("_search")) {
            return only(method, "POST") ? searches.search(request, base, type) : notAllowed(method, List.of(type, second));
        }
        if (second.equals("_history")) {
            return only(method, "GET") ? histories.history(request, base, type, null) : notAllowed(method, List.of(type, second));
        }
        if (second.startsWith("$")) {
            return operations.typeOperation(request, base, type, second);
        }
        return switch (method) {
            case "GET" -> reads.read(request, type, second);
            case "PUT" -> writes.update(request, base, type, second);
            case "PATCH" -> writes.patch(request, base, type, second);
            case "DELETE" -> writes.delete(request, type, second);
            default -> notAllowed(method, List.of(type, second));
        };
    }

    private FhirResponse thirdLevel(FhirRequest request, String base, String type, String id, String third, String method) {
        permit(type, FhirAction.READ);
        if (third.equals("_history")) {
            return only(method, "GET") ? histories.history(request, base, type, id) : notAllowed(method, List.of(type, id, third));
        }
        if (third.startsWith("$")) {
            return operations.instanceOperation(request, base, type, id, third);
        }
        throw FhirException.notFound("No FHIR interaction has the URL /" + type + "/" + id + "/" + third);
    }

    /** Throws 403 unless the caller's scopes and role allow every one of the actions on the type. */
    private static void permit(String type, FhirAction... actions) {
        for (FhirAction action : actions) {
            Denials.requirePermitted(type, action);
        }
    }

    private static boolean only(String method, String allowed) {
        return method.equals(allowed);
    }

    private static FhirResponse notAllowed(String method, List<String> path) {
        throw new FhirException(405, Issue.error("not-supported", method + " is not allowed on /" + String.join("/", path)));
    }
}
