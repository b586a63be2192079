package dev.homeport.yang.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The oracle: {@code yanglint -i} (libyang 2, Debian package libyang2-tools) with every corpus folder on its
 * search path, one file at a time.
 */
final class Yanglint {
    static final Path BINARY = Path.of("/usr/bin/yanglint");

    /** What yanglint says about one file: passed, or its error output. */
    record Verdict(Path file, boolean passed, String output) {
    }

    private Yanglint() {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Every folder of the corpus that holds .yang files, for -p. */
    static List<String> searchPath() {
        Set<String> dirs = new TreeSet<>();
        for (Path f : Corpus.yangFiles()) {
            dirs.add(f.getParent().toString());
        }
        List<String> args = new ArrayList<>();
        for (String d : dirs) {
            args.add("-p");
            args.add(d);
        }
        return args;
    }

    static Verdict check(Path file, List<String> searchPath) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.add("-i");
        command.addAll(searchPath);
        command.add(file.toString());
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Verdict(file, false, "yanglint timed out");
            }
            return new Verdict(file, p.exitValue() == 0, new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Stream<Verdict> checkAll(List<Path> files) {
        List<String> path = searchPath();
        return files.parallelStream().map(f -> check(f, path));
    }
}
