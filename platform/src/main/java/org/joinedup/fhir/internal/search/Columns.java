package org.joinedup.fhir.internal.search;

/** The columns a value predicate compares, so one predicate serves an index table and a composite's part. */
final class Columns {

    private Columns() {
    }

    record Token(String system, String code, String text) {
        static final Token TABLE = new Token("x.sys", "x.code", "x.txt");
        static final Token FIRST = new Token("x.a_sys", "x.a_code", null);
        static final Token SECOND = new Token("x.b_sys", "x.b_code", null);
    }

    record Dates(String low, String high) {
        static final Dates TABLE = new Dates("x.lo", "x.hi");
        static final Dates SECOND = new Dates("x.b_lo", "x.b_hi");
    }

    record Quantity(String value, String system, String code, String unit) {
        static final Quantity TABLE = new Quantity("x.v", "x.sys", "x.code", "x.unit");
        static final Quantity SECOND = new Quantity("x.b_num", "x.b_sys", "x.b_code", null);
    }

    record Reference(String type, String id, String url) {
        static final Reference TABLE = new Reference("x.ttype", "x.tid", "x.url");
        static final Reference SECOND = new Reference("x.b_sys", "x.b_code", "x.b_code");
    }
}
