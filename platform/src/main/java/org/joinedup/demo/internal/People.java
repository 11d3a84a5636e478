package org.joinedup.demo.internal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Who lives in the region: common UK first names and surnames, and the age and sex structure of the North West
 * (ONS mid-year estimates, rounded shares of the population by five-year band).
 */
final class People {

    static final List<String> FEMALE = List.of("Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophia", "Grace", "Mia", "Poppy", "Ella",
            "Lily", "Evie", "Freya", "Isabella", "Charlotte", "Sarah", "Emma", "Laura", "Rebecca", "Hannah", "Jessica", "Amy", "Rachel",
            "Claire", "Nicola", "Joanne", "Lisa", "Karen", "Susan", "Julie", "Helen", "Margaret", "Patricia", "Linda", "Barbara",
            "Elizabeth", "Jean", "Dorothy", "Joan", "Irene", "Maureen", "Aisha", "Fatima", "Priya", "Zainab", "Siobhan", "Niamh");
    static final List<String> MALE = List.of("Oliver", "George", "Noah", "Arthur", "Harry", "Leo", "Muhammad", "Jack", "Charlie", "Oscar",
            "Jacob", "Thomas", "James", "William", "Daniel", "Matthew", "Christopher", "Andrew", "David", "Michael", "Paul", "Mark",
            "Stephen", "Richard", "Peter", "John", "Robert", "Brian", "Kenneth", "Ronald", "Alan", "Keith", "Colin", "Ian", "Gary",
            "Darren", "Lee", "Adam", "Ryan", "Ali", "Omar", "Rajesh", "Sean", "Liam", "Kieran", "Connor", "Owen");
    static final List<String> SURNAMES = List.of("Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
            "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis",
            "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark",
            "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price",
            "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw",
            "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum",
            "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell",
            "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher",
            "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "Ahmed", "Hughes", "Fletcher", "Kaur", "McDonald", "Gallagher", "Doyle");

    /** Share of the population in each five-year age band from 0-4 to 90+, per thousand. */
    private static final int[] AGE_BANDS = {52, 57, 59, 56, 60, 63, 64, 61, 57, 58, 66, 66, 58, 50, 48, 35, 23, 13, 7};
    private static final int TOTAL = java.util.Arrays.stream(AGE_BANDS).sum();

    private People() {
    }

    /** An age in years, drawn from the region's age structure. */
    static int age(SplittableRandom random) {
        int pick = random.nextInt(TOTAL);
        for (int band = 0; band < AGE_BANDS.length; band++) {
            pick -= AGE_BANDS[band];
            if (pick < 0) {
                return band * 5 + random.nextInt(band == AGE_BANDS.length - 1 ? 12 : 5);
            }
        }
        throw new IllegalStateException();
    }

    /** Women outnumber men in old age. */
    static boolean female(SplittableRandom random, int age) {
        double share = age < 65 ? 0.50 : age < 85 ? 0.55 : 0.65;
        return random.nextDouble() < share;
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
