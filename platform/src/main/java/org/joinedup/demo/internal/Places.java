package org.joinedup.demo.internal;

import java.util.List;
import java.util.SplittableRandom;

/** Where the region's people live: North West towns with their postcode areas, and street names. */
final class Places {

    /** A town and the outward codes of its postcode districts. */
    record Town(String name, String area, int firstDistrict, int lastDistrict) {

        String outward(SplittableRandom random) {
            return area + (firstDistrict + random.nextInt(lastDistrict - firstDistrict + 1));
        }
    }

    static final List<Town> TOWNS = List.of(new Town("Liverpool", "L", 1, 25), new Town("Manchester", "M", 1, 40),
            new Town("Preston", "PR", 1, 5), new Town("Warrington", "WA", 1, 5), new Town("Blackburn", "BB", 1, 2),
            new Town("Bolton", "BL", 1, 4), new Town("Wigan", "WN", 1, 6), new Town("Chester", "CH", 1, 4),
            new Town("Lancaster", "LA", 1, 2), new Town("Carlisle", "CA", 1, 3), new Town("Stockport", "SK", 1, 8),
            new Town("Oldham", "OL", 1, 9), new Town("Blackpool", "FY", 1, 5), new Town("Crewe", "CW", 1, 2),
            new Town("St Helens", "WA", 9, 11), new Town("Southport", "PR", 8, 9), new Town("Burnley", "BB", 10, 12));

    static final List<String> STREETS = List.of("Church Street", "Station Road", "Victoria Road", "Park Road", "Green Lane", "Manor Road",
            "Mill Lane", "The Avenue", "Queens Road", "King Street", "Albert Road", "Chapel Street", "New Road", "Moss Lane",
            "School Lane", "Derby Road", "Bury Road", "Lord Street", "Market Street", "Cotton Street", "Canal Side", "Pennine View",
            "Mersey Road", "Ribble Way", "Moorland Drive", "Heath Lane", "Brook Street", "Oak Avenue", "Elm Grove", "Rose Terrace");

    /** Letters used in the inward part of a postcode (never C, I, K, M, O or V). */
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private Places() {
    }

    static String postcode(SplittableRandom random, Town town) {
        return town.outward(random) + " " + random.nextInt(10) + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
    }
}
