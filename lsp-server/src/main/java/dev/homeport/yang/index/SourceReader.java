package dev.homeport.yang.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds and reads YANG sources on disk and inside .zip/.jar archives. Archive entries get {@code jar:} URIs
 * ({@code jar:file:///libs/models.zip!/yang/a.yang}). Reads are bounded so a huge file or a zip bomb costs at most
 * {@link #MAX_SOURCE_BYTES}.
 */
final class SourceReader {
    static final int MAX_SOURCE_BYTES = 64 * 1024 * 1024;

    /** A source's text, and the offset of the first byte sequence that was not UTF-8 (-1 if none). */
    record Loaded(URI uri, String text, int firstMalformed) {
    }

    private SourceReader() {
    }

    /** Lists the .yang sources of a root, reading each; unreadable ones become problems. */
    static void scan(SearchRoot root, Consumer<Loaded> sink, List<SearchPathProblem> problems) {
        if (root.kind() == SearchRoot.Kind.ARCHIVE) {
            scanArchive(root.path(), sink, problems);
        } else {
            for (Path file : yangFiles(root.path(), problems)) {
                try {
                    sink.accept(readFile(file));
                } catch (IOException e) {
                    problems.add(new SearchPathProblem(file.toString(), "cannot read: " + e.getMessage()));
                }
            }
        }
    }

    static List<Path> yangFiles(Path folder, List<SearchPathProblem> problems) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // .git, .vscode and the like hold no models of the user's, only copies and caches
                    boolean hidden = !dir.equals(folder) && dir.getFileName().toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isYang(file.getFileName().toString())) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new SearchPathProblem(file.toString(), "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new SearchPathProblem(folder.toString(), "cannot list: " + e.getMessage()));
        }
        files.sort(null);
        return files;
    }

    private static void scanArchive(Path archive, Consumer<Loaded> sink, List<SearchPathProblem> problems) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !isYang(lastSegment(entry.getName()))) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    sink.accept(decode(archiveUri(archive, entry.getName()), readBounded(in, entry.getName())));
                } catch (IOException e) {
                    problems.add(new SearchPathProblem(archive + "!/" + entry.getName(), "cannot read: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            problems.add(new SearchPathProblem(archive.toString(), "cannot open archive: " + e.getMessage()));
        }
    }

    static Loaded readFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_SOURCE_BYTES) {
            throw new IOException("larger than " + MAX_SOURCE_BYTES / (1024 * 1024) + " MB");
        }
        return decode(file.toAbsolutePath().normalize().toUri(), Files.readAllBytes(file));
    }

    /** Reads the current content of a file or archive-entry URI. */
    static Loaded read(URI uri) throws IOException {
        if ("jar".equals(uri.getScheme())) {
            String spec = uri.getRawSchemeSpecificPart();
            int bang = spec.indexOf("!/");
            if (bang < 0) {
                throw new IOException("not an archive entry URI: " + uri);
            }
            Path archive = Path.of(URI.create(spec.substring(0, bang)));
            String entryName = URI.create(spec.substring(bang + 2)).getPath();
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                ZipEntry entry = zip.getEntry(entryName);
                if (entry == null) {
                    throw new IOException(entryName + " is not in " + archive);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return decode(uri, readBounded(in, entryName));
                }
            }
        }
        return readFile(Path.of(uri));
    }

    static URI archiveUri(Path archive, String entryName) {
        try {
            String entry = new URI(null, null, entryName, null).getRawPath();
            return URI.create("jar:" + archive.toAbsolutePath().normalize().toUri() + "!/" + entry);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("archive entry name " + entryName, e);
        }
    }

    private static byte[] readBounded(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_SOURCE_BYTES + 1);
        if (bytes.length > MAX_SOURCE_BYTES) {
            throw new IOException(name + " is larger than " + MAX_SOURCE_BYTES / (1024 * 1024) + " MB");
        }
        return bytes;
    }

    /** Decodes UTF-8, replacing bad sequences with U+FFFD and remembering where the first one was. */
    static Loaded decode(URI uri, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1); // UTF-8 never yields more chars than bytes
        int firstMalformed = -1;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                if (firstMalformed < 0) {
                    firstMalformed = out.position();
                }
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else {
                break;
            }
        }
        decoder.flush(out);
        out.flip();
        return new Loaded(uri, out.toString(), firstMalformed);
    }

    static boolean isYang(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".yang");
    }

    static String lastSegment(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
