package org.joinedup.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser for the page benchmarks: signs in with the form (keeping the session cookie) and times pages one at a time. */
final class PageBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    private PageBrowser(String base) {
        this.base = base;
    }

    /** Signed in as a demo user (password {@code demo-password}). */
    static PageBrowser signedIn(String base, String username) throws Exception {
        PageBrowser browser = new PageBrowser(base);
        Matcher csrf = CSRF.matcher(browser.get(base + "/auth/login"));
        if (!csrf.find()) {
            throw new IllegalStateException("No sign-in form");
        }
        browser.http.send(HttpRequest.newBuilder(URI.create(base + "/auth/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo-password&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        return browser;
    }

    /** A page's HTML; anything but 200 stops the benchmark. */
    String get(String url) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + page.statusCode());
        }
        return page.body();
    }

    /** The page fetched {@code rounds} times, one at a time. */
    Latencies time(String url, int rounds) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            get(url);
            latencies.add((System.nanoTime() - started) / 1_000);
        }
        return latencies;
    }

    static void print(String what, Latencies latencies) {
        System.out.printf("%s: p50 %.1f ms, p99 %.1f ms (%d requests, one at a time)%n", what, latencies.percentileMillis(50),
                latencies.percentileMillis(99), latencies.count());
    }
}
