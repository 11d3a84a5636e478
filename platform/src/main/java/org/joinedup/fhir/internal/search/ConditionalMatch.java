package org.joinedup.fhir.internal.search;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.joinedup.fhir.internal.outcome.FhirException;
import org.joinedup.fhir.internal.rest.QueryParams;
import org.joinedup.fhir.internal.store.StoredResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds the resources a conditional create, update or delete names ({@code Patient?identifier=...}).
 * First takes a transaction-scoped advisory lock keyed by the condition, so two transactions racing to
 * create "the patient with this identifier" are serialised and the second finds the first's resource.
 */
public final class ConditionalMatch {

    private final JdbcTemplate jdbc;
    private final SearchParser parser;
    private final SearchExecutor executor;

    public ConditionalMatch(JdbcTemplate jdbc, SearchParser parser, SearchExecutor executor) {
        this.jdbc = jdbc;
        this.parser = parser;
        this.executor = executor;
    }

    /**
     * Up to two matches (enough to tell none, one and several apart) for a conditional create, update or
     * delete, after locking the condition until the transaction ends. Call inside the write's transaction.
     */
    public List<StoredResource> find(String type, QueryParams condition) {
        if (condition.entries().isEmpty()) {
            throw FhirException.badRequest("A conditional interaction needs search parameters");
        }
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, lockKey(type, condition));
        return search(type, condition);
    }

    /**
     * The ids of up to two matches for a conditional reference ({@code Patient?identifier=...}): a read of ids
     * only, with no lock, so transactions that refer to the same practitioner or hospital do not wait for one another.
     */
    public List<String> resolve(String type, QueryParams condition) {
        if (condition.entries().isEmpty()) {
            throw FhirException.badRequest("A conditional reference needs search parameters");
        }
        return executor.ids(spec(type, condition), 2);
    }

    private List<StoredResource> search(String type, QueryParams condition) {
        SearchSpec spec = spec(type, condition);
        SearchSpec two = new SearchSpec(spec.type(), spec.criteria(), List.of(), 2, List.of(), false, false, null);
        return executor.execute(two).matches();
    }

    private SearchSpec spec(String type, QueryParams condition) {
        QueryParams criteria = new QueryParams(condition.entries().stream()
                .filter(e -> !SearchParser.isResultParameter(e.getKey())).toList());
        return parser.parse(type, criteria, false);
    }

    private static long lockKey(String type, QueryParams condition) {
        StringBuilder text = new StringBuilder(type).append('?');
        condition.entries().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getKey()).append('=').append(e.getValue()).append('&'));
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.toString().getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
