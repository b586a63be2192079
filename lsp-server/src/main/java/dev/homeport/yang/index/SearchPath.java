package dev.homeport.yang.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ordered list of roots the index reads: the workspace folders, then the user's extra entries (folders, .zip
 * and .jar files) after expansion. Entries that cannot be used become problems; the others still count.
 */
public record SearchPath(List<SearchRoot> roots, List<SearchPathProblem> problems) {

    public SearchPath {
        roots = List.copyOf(roots);
        problems = List.copyOf(problems);
    }

    public static SearchPath of(List<Path> workspaceFolders, List<String> entries, PathExpander expander) {
        List<SearchRoot> roots = new ArrayList<>();
        List<SearchPathProblem> problems = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path folder : workspaceFolders) {
            Path p = folder.toAbsolutePath().normalize();
            if (!Files.isDirectory(p)) {
                problems.add(new SearchPathProblem(folder.toString(), "workspace folder does not exist"));
            } else if (seen.add(p)) {
                roots.add(new SearchRoot(p, SearchRoot.Kind.WORKSPACE_FOLDER, roots.size()));
            }
        }
        for (String entry : entries) {
            Path p;
            try {
                p = expander.expand(entry);
            } catch (IllegalArgumentException e) {
                problems.add(new SearchPathProblem(entry, e.getMessage()));
                continue;
            }
            if (Files.isDirectory(p)) {
                if (seen.add(p)) {
                    roots.add(new SearchRoot(p, SearchRoot.Kind.FOLDER, roots.size()));
                }
            } else if (Files.isRegularFile(p) && isArchive(p)) {
                if (seen.add(p)) {
                    roots.add(new SearchRoot(p, SearchRoot.Kind.ARCHIVE, roots.size()));
                }
            } else if (Files.exists(p)) {
                problems.add(new SearchPathProblem(entry, p + " is not a folder, a .zip or a .jar file"));
            } else {
                problems.add(new SearchPathProblem(entry, p + " does not exist"));
            }
        }
        return new SearchPath(roots, problems);
    }

    static boolean isArchive(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".zip") || name.endsWith(".jar");
    }

    /** The root a file URI lies under, earliest first; null when none holds it. */
    public SearchRoot rootOf(Path file) {
        for (SearchRoot root : roots) {
            if (root.kind() != SearchRoot.Kind.ARCHIVE && file.startsWith(root.path())) {
                return root;
            }
        }
        return null;
    }
}
