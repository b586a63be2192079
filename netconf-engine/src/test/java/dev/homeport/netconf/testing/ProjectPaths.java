package dev.homeport.netconf.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project and its shared material are, for tests in any module. */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    /** The repository root: from the build (-Dhomeport.project.root) or found upwards from the working directory. */
    public static Path root() {
        String prop = System.getProperty("homeport.project.root");
        if (prop != null && Files.isRegularFile(Path.of(prop, "homeport"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("homeport")) && Files.isDirectory(p.resolve("netconf-engine"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find the Homeport repository root from " + Path.of("").toAbsolutePath());
    }

    /**
     * {@code ../shared} beside the repository: the YANG corpus, notes, peers; or the folder {@code HOMEPORT_SHARED}
     * names (a clone elsewhere). A git worktree one level deeper ({@code /work/wt/NAME}) finds the same folder
     * further up.
     */
    public static Path shared() {
        String env = System.getenv("HOMEPORT_SHARED");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        for (Path p = root().getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared").resolve("corpus"))) {
                return p.resolve("shared");
            }
        }
        return root().resolve("..").resolve("shared").normalize();
    }

    public static Path corpus() {
        return shared().resolve("corpus");
    }
}
