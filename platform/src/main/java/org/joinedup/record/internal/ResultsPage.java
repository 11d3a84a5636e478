package org.joinedup.record.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A patient's results ({@code /staff/patients/{id}/results}): a table per test, newest first, with reference
 * ranges and abnormal flags, and a plot of each test over time drawn on the server (HbA1c, eGFR, blood pressure).
 */
@Controller
class ResultsPage {

    private final PatientRecords records;

    ResultsPage(PatientRecords records) {
        this.records = records;
    }

    @GetMapping("/staff/patients/{id}/results")
    String results(Authentication authentication, @PathVariable String id, Model model) {
        PatientRecords.Opened opened = records.open(authentication, id, model);
        if (opened == null) {
            return PatientRecords.REFUSED;
        }
        List<RecordReader.Read> reads = records.readWithBanner(opened,
                List.of("Observation?patient=" + id + "&category=laboratory,vital-signs&_sort=-date&_count=1000"), model);
        List<ResultSeries> series = ResultSeries.of(reads.getFirst().matches());
        Map<String, String> charts = new LinkedHashMap<>();
        series.stream().filter(ResultSeries::plottable).forEach(s -> charts.put(s.code(), ResultChart.svg(s)));
        model.addAttribute("series", series);
        model.addAttribute("charts", charts);
        return "staff/patient-results";
    }
}
