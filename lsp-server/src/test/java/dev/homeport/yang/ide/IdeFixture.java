package dev.homeport.yang.ide;

import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.testing.Marked;
import dev.homeport.yang.text.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real multi-module workspace for editor-feature tests, written as marked texts (LemMinX style): one file holds
 * the cursor {@code |}, any file may mark expected spans with {@code [[...]]}. Files go to a folder that becomes
 * the workspace; the cursor's file is opened in the service as an editor would.
 */
final class IdeFixture {
    final YangLanguageService service = new YangLanguageService();
    final Map<String, URI> uris = new LinkedHashMap<>();
    final Map<URI, Marked> marked = new LinkedHashMap<>();
    URI cursorUri;
    int cursor = -1;

    /** {@code files}: file name, marked text, alternating. */
    static IdeFixture of(Path dir, String... files) {
        IdeFixture f = new IdeFixture();
        try {
            for (int i = 0; i < files.length; i += 2) {
                String name = files[i];
                String text = files[i + 1];
                boolean hasCursor = text.indexOf('|') >= 0;
                Marked m = hasCursor ? Marked.withCursor(text) : Marked.of(text);
                Path file = dir.resolve(name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, m.text());
                URI uri = file.toUri();
                f.uris.put(name, uri);
                f.marked.put(uri, m);
                if (hasCursor) {
                    f.cursorUri = uri;
                    f.cursor = m.cursor();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        f.service.configure(List.of(dir), List.of(), PathExpander.of(Map.of(), dir, dir));
        if (f.cursorUri != null) {
            f.service.open(new Document(f.cursorUri, 1, f.marked.get(f.cursorUri).text()));
        }
        return f;
    }

    URI uri(String name) {
        return uris.get(name);
    }

    String text(URI uri) {
        return marked.get(uri).text();
    }

    /** Every marked span as "file:[start, end) text", in the order of the files and then of the spans. */
    List<String> expected() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, URI> e : uris.entrySet()) {
            Marked m = marked.get(e.getValue());
            for (var span : m.spans()) {
                out.add(e.getKey() + ":" + span + " " + span.textIn(m.text()));
            }
        }
        return out;
    }

    /** A location as "file:[start, end) text", the form {@link #expected()} uses. */
    String describe(Location l) {
        String name = uris.entrySet().stream().filter(e -> e.getValue().equals(l.uri())).map(Map.Entry::getKey)
                .findFirst().orElse(l.uri().toString());
        return name + ":" + l.span() + " " + l.span().textIn(text(l.uri()));
    }

    List<String> describe(List<Location> locations) {
        return locations.stream().map(this::describe).toList();
    }
}
