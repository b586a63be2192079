package dev.homeport.yang.feature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.yang.corpus.Corpus;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.testing.Marked;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.LineMap;
import dev.homeport.yang.text.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Published corpus modules with errors put in on purpose: each edit is on a given line, and the replacement text
 * marks with {@code [[...]]} the span the diagnostic must cover (the offending argument token).
 */
final class SeededModules {
    private final Path dir;
    private final List<String> files = new ArrayList<>();
    private String seededFile;
    private String seededText;
    private final List<Span> expected = new ArrayList<>();

    SeededModules(Path dir, String... corpusFiles) {
        this.dir = dir;
        for (String f : corpusFiles) {
            copy(f);
        }
    }

    /** Copies a corpus file (path under the corpus root) into the workspace. */
    SeededModules copy(String corpusFile) {
        try {
            Path source = Corpus.root().resolve(corpusFile);
            Files.copy(source, dir.resolve(source.getFileName()));
            files.add(source.getFileName().toString());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Edits one copied file: on 1-based {@code line}, {@code from} (which must be on that line) becomes
     * {@code markedTo}, whose {@code [[...]]} marks where the diagnostic belongs. Edits apply in the order given;
     * give them bottom-up when several touch one file, so the line numbers stay those of the published file.
     */
    SeededModules edit(String fileName, int line, String from, String markedTo) {
        try {
            Path file = dir.resolve(fileName);
            String text = fileName.equals(seededFile) ? seededText : Files.readString(file);
            LineMap lines = LineMap.of(text);
            int start = lines.lineStart(line - 1);
            int end = lines.lineEnd(line - 1);
            int at = text.substring(start, end).indexOf(from);
            assertThat(at).as("'%s' on line %d of %s", from, line, fileName).isGreaterThanOrEqualTo(0);
            Marked to = Marked.of(markedTo);
            int offset = start + at;
            String next = text.substring(0, offset) + to.text() + text.substring(offset + from.length());
            int delta = to.text().length() - from.length();
            List<Span> moved = new ArrayList<>();
            for (Span s : expected) {
                moved.add(s.start() >= offset + from.length() ? Span.of(s.start() + delta, s.end() + delta) : s);
            }
            expected.clear();
            expected.addAll(moved);
            for (Span s : to.spans()) {
                expected.add(Span.of(offset + s.start(), offset + s.end()));
            }
            seededFile = fileName;
            seededText = next;
            Files.writeString(file, next);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The marked spans, in the order marked. */
    List<Span> expected() {
        return expected;
    }

    String text() {
        return seededText;
    }

    URI seededUri() {
        return dir.resolve(seededFile).toUri();
    }

    /** Every diagnostic of the seeded file, yangtools included, as the editor and the batch command get them. */
    List<Diagnostic> diagnostics() {
        WorkspaceIndex index = new WorkspaceIndex(true);
        index.configure(List.of(dir), List.of(), PathExpander.of(Map.of(), dir, dir));
        DiagnosticsFeature feature = new DiagnosticsFeature(index);
        return feature.diagnostics(seededUri());
    }

    String describe(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        LineMap lines = LineMap.of(seededText);
        for (Diagnostic d : diagnostics) {
            sb.append('\n').append(lines.position(d.span().start()).line() + 1).append(": ").append(d.severity())
                    .append(' ').append(d.code()).append(" '").append(d.span().textIn(seededText)).append("' ")
                    .append(d.message());
        }
        return sb.toString();
    }
}
