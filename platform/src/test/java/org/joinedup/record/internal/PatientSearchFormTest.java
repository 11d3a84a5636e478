package org.joinedup.record.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the patient search form asks the record, and what it says when the details will not do. */
class PatientSearchFormTest {

    private static String query(Map<String, String> form, Map<String, String> errors) {
        return PatientSearchPage.query(form, errors);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "an NHS number with spaces;        nhs=999 000 0018;                               identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018",
        "a name and date of birth;         family=Smith,day=4,month=3,year=1950;           family=Smith&birthdate=1950-03-04",
        "a name, given name and postcode;  family=Smith,given=Alice,postcode=WA1 2AB;      family=Smith&given=Alice&address-postalcode=WA1+2AB",
        "a postcode alone;                 postcode=WA1 2AB;                               address-postalcode=WA1+2AB",
    })
    void asksTheRecordForWhatWasGiven(String what, String fields, String expected) {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(query(form(fields), errors)).isEqualTo(expected);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "a wrong check digit;        nhs=999 000 0019;                     nhs;  check digit is wrong",
        "too few digits;             nhs=99900;                            nhs;  must be 10 digits",
        "a name alone;               family=Smith;                         born; date of birth or a postcode",
        "no such date;               family=Smith,day=31,month=2,year=1950; born; real date",
        "a date to come;             family=Smith,day=1,month=1,year=2999; born; in the past",
        "nothing at all;             search=1;                             nhs;  Enter an NHS number",
    })
    void saysWhatIsWrongBesideTheField(String what, String fields, String field, String message) {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(query(form(fields), errors)).isNull();
        assertThat(errors).containsKey(field);
        assertThat(errors.get(field)).contains(message);
    }

    @Test
    void theBannerGivesAgeInYearsMonthsOrDaysAsTheConventionsSay() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertThat(Banner.age(LocalDate.of(1941, 3, 14), today)).isEqualTo("85y");
        assertThat(Banner.age(LocalDate.of(2025, 6, 1), today)).isEqualTo("17m");
        assertThat(Banner.age(LocalDate.of(2026, 11, 20), today)).isEqualTo("6d");
    }

    private static Map<String, String> form(String fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : fields.strip().split(",")) {
            String[] pair = field.split("=", 2);
            form.put(pair[0].strip(), pair[1]);
        }
        return form;
    }
}
