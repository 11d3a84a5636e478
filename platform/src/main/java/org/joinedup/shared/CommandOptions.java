package org.joinedup.shared;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name=value} options of the platform's commands ({@code generate-region}, {@code view-files}). */
public final class CommandOptions {

    private CommandOptions() {
    }

    public static Map<String, String> of(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
