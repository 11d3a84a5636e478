package org.joinedup.fhir.internal.index;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The search values of one resource version, ready for the index tables, and the patients whose
 * compartments hold it. Built on write by {@link IndexExtractor}; written in the same transaction.
 */
public final class IndexRows {

    /** A string value: folded for matching, and as written for {@code :exact}. */
    public record StringRow(int param, String normalized, String exact) {
    }

    /** A token: system, code, and folded display text for {@code :text}. */
    public record TokenRow(int param, String system, String code, String text) {
    }

    /** A date range in epoch microseconds, half open. */
    public record DateRow(int param, long low, long high) {
    }

    public record NumberRow(int param, BigDecimal value) {
    }

    public record QuantityRow(int param, BigDecimal value, String system, String code, String unit) {
    }

    /** A reference: local target type and id, or the URL of an absolute or canonical reference. */
    public record ReferenceRow(int param, String targetType, String targetId, String url) {
    }

    public record UriRow(int param, String uri) {
    }

    /** Two values from the same element for a composite parameter; the second's kind decides which fields are set. */
    public record CompositeRow(int param, String firstSystem, String firstCode, String secondSystem, String secondCode,
                               BigDecimal secondNumber, Long secondLow, Long secondHigh) {
    }

    public final List<StringRow> strings = new ArrayList<>();
    public final List<TokenRow> tokens = new ArrayList<>();
    public final List<DateRow> dates = new ArrayList<>();
    public final List<NumberRow> numbers = new ArrayList<>();
    public final List<QuantityRow> quantities = new ArrayList<>();
    public final List<ReferenceRow> references = new ArrayList<>();
    public final List<UriRow> uris = new ArrayList<>();
    public final List<CompositeRow> composites = new ArrayList<>();
    /** The words {@code _content} finds (every text of the resource) and {@code _text} finds (its narrative). */
    public Set<String> contentWords = Set.of();
    public Set<String> narrativeWords = Set.of();
    /** Ids of the patients whose compartment holds the resource. */
    public final Set<String> patients = new LinkedHashSet<>();

    /** A party in a care relationship with each of the resource's patients, and the kind of relationship. */
    public record RelationshipRow(String party, String kind) {
    }

    /** The parties caring for the resource's patients by this resource (see CareRelationshipRule). */
    public final List<RelationshipRow> relationships = new ArrayList<>();

    /** The codes of the resource's security labels ({@code meta.security}), which may hide it from some callers. */
    public final Set<String> labels = new LinkedHashSet<>();

    public int size() {
        return strings.size() + tokens.size() + dates.size() + numbers.size() + quantities.size()
                + references.size() + uris.size() + composites.size();
    }
}
