package org.joinedup.analytics.internal.tables;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joinedup.analytics.AnalyticsProperties;
import org.joinedup.analytics.internal.SearchPage;
import org.joinedup.analytics.internal.ViewRunner;
import org.joinedup.fhir.ChangeFeed;
import org.joinedup.fhir.FhirAccess;
import org.joinedup.fhir.FhirAction;
import org.joinedup.fhir.FhirAgent;
import org.joinedup.fhir.FhirApi;
import org.joinedup.fhir.FollowedChanges;
import org.joinedup.fhir.Visibility;
import org.hl7.fhir.r4.model.Resource;

/**
 * Keeps the shipped views' tables up to date: a table whose view is new or changed is built from the whole store
 * (searched page by page), then every round takes the versions written since the last ({@link FollowedChanges}),
 * reads the changed resources' current versions and replaces their rows, moving the cursor in the same DuckDB
 * transaction. Reads are through {@link FhirApi} as the analytics service (audited, a page at a time).
 */
final class ViewMaterialiser {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ViewMaterialiser.class);
    static final FhirAccess ANALYTICS = new FhirAccess(new FhirAgent("joinedup-analytics", "system", null, null, null, "HOPERAT", null),
            (type, action) -> action == FhirAction.READ || action == FhirAction.SEARCH, Visibility.EVERYTHING, false);
    private static final Duration OVERLAP = Duration.ofSeconds(30);
    private static final int IDS_PER_READ = 500;

    private final AnalyticsDatabase database;
    private final FhirApi fhir;
    private final ChangeFeed feed;
    private final ViewRunner runner = ShippedViews.runner();
    private final List<ShippedViews.Shipped> views = ShippedViews.load(runner);
    private final ParquetFiles parquet;
    private final Set<String> dirty = new LinkedHashSet<>();
    private FollowedChanges followed;
    private volatile Instant lastApplied;
    private volatile Duration lastLag = Duration.ZERO;
    private Instant lastParquet = Instant.EPOCH;

    ViewMaterialiser(AnalyticsDatabase database, FhirApi fhir, ChangeFeed feed, Path parquetDirectory) {
        this.database = database;
        this.fhir = fhir;
        this.feed = feed;
        this.parquet = new ParquetFiles(database, parquetDirectory);
    }

    List<ShippedViews.Shipped> views() {
        return views;
    }

    boolean ready() {
        return followed != null;
    }

    Instant followedTo() {
        return followed == null ? null : followed.cursor();
    }

    Instant lastApplied() {
        return lastApplied;
    }

    Duration lastLag() {
        return lastLag;
    }

    /** One round: build what needs building (the first time), then apply the changes since the last; true if there may be more. */
    boolean round(AnalyticsProperties properties) throws SQLException, IOException {
        if (followed == null) {
            followed = new FollowedChanges(feed, OVERLAP, build());
        }
        List<ChangeFeed.Change> changes = followed.fresh(null);
        Map<String, Set<String>> changed = new LinkedHashMap<>();
        Instant oldest = null;
        for (ChangeFeed.Change change : changes) {
            if (views.stream().anyMatch(v -> v.view().resource().equals(change.type()))) {
                changed.computeIfAbsent(change.type(), t -> new LinkedHashSet<>()).add(change.id());
                oldest = oldest == null || change.lastUpdated().isBefore(oldest) ? change.lastUpdated() : oldest;
            }
        }
        Map<String, Map<String, List<Map<String, Object>>>> rows = new HashMap<>();
        for (Map.Entry<String, Set<String>> type : changed.entrySet()) {
            List<String> ids = new ArrayList<>(type.getValue());
            for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
                read(type.getKey() + "?_id=" + String.join(",", ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ))) + "&_count=" + IDS_PER_READ, rows);
            }
        }
        Instant cursor = followed.cursor();
        database.write(connection -> {
            for (ShippedViews.Shipped view : views) {
                Set<String> keys = changed.get(view.view().resource());
                if (keys != null) {
                    view.table().replace(connection, keys, rows.getOrDefault(view.name(), Map.of()));
                    dirty.add(view.name());
                }
            }
            ViewState.cursor(connection, cursor);
            return null;
        });
        if (oldest != null) {
            lastApplied = Instant.now();
            lastLag = Duration.between(oldest, lastApplied);
        }
        if (!dirty.isEmpty() && Duration.between(lastParquet, Instant.now()).compareTo(properties.parquetInterval()) >= 0) {
            for (String view : dirty) {
                parquet.write(view);
            }
            dirty.clear();
            lastParquet = Instant.now();
        }
        return false;
    }

    /** Builds every table whose view is new or changed, from the whole store; the place to follow changes from. */
    private Instant build() throws SQLException, IOException {
        Instant started = Instant.now();
        Map<String, String> hashes = database.write(connection -> {
            ViewState.prepare(connection);
            return ViewState.hashes(connection);
        });
        Instant cursor = database.read(ViewState::cursor);
        for (ShippedViews.Shipped view : views) {
            if (view.hash().equals(hashes.get(view.name()))) {
                continue;
            }
            database.write(connection -> {
                view.table().create(connection);
                String page = view.view().resource() + "?_count=1000";
                while (page != null) {
                    Map<String, Map<String, List<Map<String, Object>>>> rows = new HashMap<>();
                    try {
                        page = read(page, rows, view);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    view.table().append(connection, rows.getOrDefault(view.name(), Map.of()));
                }
                ViewState.built(connection, view.name(), view.hash());
                return null;
            });
            dirty.add(view.name());
        }
        if (cursor == null) {
            database.write(connection -> {
                ViewState.cursor(connection, started);
                return null;
            });
        }
        return cursor == null ? started : cursor;
    }

    /** A resource's rows in a view; none, and a warning, if the view cannot be evaluated on it (it never stops the others). */
    private static List<Map<String, Object>> rows(ShippedViews.Shipped view, Resource resource) {
        try {
            return view.view().rows(resource);
        } catch (org.joinedup.analytics.ViewDefinitionException e) {
            LOG.warn("The view {} has no rows for {}/{}: {}", view.name(), resource.fhirType(), resource.getIdElement().getIdPart(), e.getMessage());
            return List.of();
        }
    }

    private void read(String query, Map<String, Map<String, List<Map<String, Object>>>> rows) throws IOException {
        String page = query;
        while (page != null) {
            page = read(page, rows, null);
        }
    }

    /** One page read, its resources' rows added for every view of their type (or only the one given); the next page. */
    private String read(String page, Map<String, Map<String, List<Map<String, Object>>>> rows, ShippedViews.Shipped only) throws IOException {
        FhirApi.Answer answer = fhir.handle(ANALYTICS, "GET", page, null);
        if (answer.status() != 200) {
            throw new IOException("The store refused the analytics read " + page + ": " + answer.text());
        }
        SearchPage found = SearchPage.of(answer.body());
        for (SearchPage.Slice slice : found.resources()) {
            Resource resource = runner.parse(slice.text());
            for (ShippedViews.Shipped view : views) {
                if ((only == null || only == view) && view.view().resource().equals(resource.fhirType())) {
                    rows.computeIfAbsent(view.name(), v -> new LinkedHashMap<>()).put(resource.getIdElement().getIdPart(), rows(view, resource));
                }
            }
        }
        return found.next();
    }
}
