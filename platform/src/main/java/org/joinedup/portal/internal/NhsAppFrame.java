package org.joinedup.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Inside the NHS App (its web view says so in its user agent: {@code nhsapp-ios}, {@code nhsapp-android}) the
 * portal's pages leave out their own header, as the NHS App's integration guidance asks: the app shows its own.
 */
@ControllerAdvice(basePackageClasses = NhsAppFrame.class)
class NhsAppFrame {

    @ModelAttribute("insideNhsApp")
    boolean insideNhsApp(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent != null && agent.toLowerCase(Locale.ROOT).contains("nhsapp");
    }
}
