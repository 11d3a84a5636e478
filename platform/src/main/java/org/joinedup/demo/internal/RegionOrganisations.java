package org.joinedup.demo.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The region's organisations, with ODS-style codes: its GP practices (the first is the demo practice, Y90001),
 * an acute trust (RYY, the demo trust), a mental health trust, community services, a crisis line, care homes and
 * domiciliary care providers. Codes other than the demo's are made up in shapes ODS does not issue.
 */
final class RegionOrganisations {

    /** An organisation: its ODS-style code, name, kind (as a person would say it) and town. */
    record Org(String ods, String name, String kind, Places.Town town) {

        String id() {
            return "org-" + ods;
        }
    }

    private static final List<String> PRACTICE_NAMES = List.of("Riverside Medical Practice", "Park View Surgery", "Canal Side Health Centre",
            "Moorland Medical Centre", "Victoria Road Surgery", "Pennine Family Practice", "Station Road Medical Centre",
            "Mersey Bank Surgery", "Ribble Valley Practice", "Heath Lane Health Centre", "Oak Tree Surgery", "Church View Medical Practice");

    final List<Org> practices = new ArrayList<>();
    final List<Org> others = new ArrayList<>();
    final Org trust;

    RegionOrganisations(int patients) {
        int practiceCount = Math.max(3, patients / 6000);
        for (int p = 0; p < practiceCount; p++) {
            Places.Town town = Places.TOWNS.get(p % Places.TOWNS.size());
            String name = p < PRACTICE_NAMES.size() ? PRACTICE_NAMES.get(p)
                    : PRACTICE_NAMES.get(p % PRACTICE_NAMES.size()).replace("Surgery", town.name() + " Surgery") + " " + (p / PRACTICE_NAMES.size() + 1);
            practices.add(new Org(String.format("Y9%04d", p + 1), name, "GP practice", town));
        }
        trust = new Org("RYY", "North West Hospitals NHS Trust", "Acute trust", Places.TOWNS.get(1));
        others.add(trust);
        others.add(new Org("R9M", "Pennine Minds NHS Mental Health Trust", "Mental health trust", Places.TOWNS.get(2)));
        others.add(new Org("R9C", "North West Community Health Services", "Community services", Places.TOWNS.get(3)));
        others.add(new Org("R9L", "North West Mental Health Crisis Line", "Crisis line", Places.TOWNS.get(1)));
        int homes = Math.max(2, patients / 10_000);
        for (int h = 0; h < homes; h++) {
            Places.Town town = Places.TOWNS.get(h % Places.TOWNS.size());
            others.add(new Org(String.format("VN9%03d", h + 1), town.name() + " " + (h % 2 == 0 ? "Lodge" : "Grange") + " Care Home", "Care home", town));
            others.add(new Org(String.format("VD9%03d", h + 1), town.name() + " Home Care", "Domiciliary care provider", town));
        }
    }
}
