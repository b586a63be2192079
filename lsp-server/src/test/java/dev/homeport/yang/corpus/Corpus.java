package dev.homeport.yang.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus of published YANG modules ({@code shared/corpus} beside the project). Found from the project
 * root upwards, so it works from the main checkout and from a worktree, or from {@code HOMEPORT_SHARED}; a missing
 * corpus fails the test.
 */
public final class Corpus {
    private Corpus() {
    }

    public static Path root() {
        String env = System.getenv("HOMEPORT_SHARED"); // a clone away from shared/ (see the README)
        if (env != null && !env.isBlank()) {
            return Path.of(env, "corpus");
        }
        Path start = Path.of(System.getProperty("homeport.project.root", System.getProperty("user.dir")))
                .toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/corpus folder above " + start);
    }

    public static List<Path> yangFiles() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yang")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
