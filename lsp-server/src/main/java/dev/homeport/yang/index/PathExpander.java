package dev.homeport.yang.index;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a search-path entry as a user writes it in settings into a path: {@code ${env:NAME}} becomes the
 * variable's value, a leading {@code ~} the home folder, and a relative path is taken from {@code base}. An unset
 * variable is an error rather than an empty string, so that {@code ${env:TYPO}/yang} never means {@code /yang}.
 */
public final class PathExpander {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Function<String, String> environment;
    private final Path home;
    private final Path base;

    public PathExpander(Function<String, String> environment, Path home, Path base) {
        this.environment = environment;
        this.home = home;
        this.base = base;
    }

    /** Expands with this process's environment and home folder. */
    public static PathExpander ofSystem(Path base) {
        return new PathExpander(System::getenv, Path.of(System.getProperty("user.home")), base);
    }

    public static PathExpander of(Map<String, String> environment, Path home, Path base) {
        return new PathExpander(environment::get, home, base);
    }

    /** The absolute, normalised path of {@code entry}; throws IllegalArgumentException saying what is wrong. */
    public Path expand(String entry) {
        String text = entry.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty path entry");
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1);
            if (!variable.startsWith("env:") || variable.length() == 4) {
                throw new IllegalArgumentException("unknown variable ${" + variable + "} in '" + entry
                        + "': only ${env:NAME} and a leading ~ are expanded");
            }
            String value = environment.apply(variable.substring(4));
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("environment variable " + variable.substring(4) + " in '" + entry
                        + "' is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String expanded = out.toString();
        if (expanded.startsWith("~")) {
            if (expanded.length() > 1 && expanded.charAt(1) != '/' && expanded.charAt(1) != '\\') {
                throw new IllegalArgumentException("'" + entry + "': only ~ for your own home folder is expanded, not ~user");
            }
            if (home == null) {
                throw new IllegalArgumentException("'" + entry + "': no home folder is known to expand ~");
            }
            expanded = expanded.length() <= 2 ? home.toString() : home.resolve(expanded.substring(2)).toString();
        }
        try {
            Path path = Path.of(expanded);
            if (!path.isAbsolute()) {
                if (base == null) {
                    throw new IllegalArgumentException("'" + entry + "' is relative and there is no workspace folder to resolve it in");
                }
                path = base.resolve(path);
            }
            return path.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + entry + "' is not a valid path: " + e.getReason(), e);
        }
    }
}
