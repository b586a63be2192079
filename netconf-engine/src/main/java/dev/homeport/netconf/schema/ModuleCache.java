package dev.homeport.netconf.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * YANG modules on disk, shared by the engine and the language server: one file per module and revision,
 * {@code name@revision.yang}, or {@code name.yang} for a module without a revision statement.
 *
 * <p>Location: the constructor's directory; by default the system property {@value #PROPERTY}, else the environment
 * variable {@value #ENV}, else {@code $XDG_CACHE_HOME/homeport/yang}, else {@code ~/.cache/homeport/yang}.
 *
 * <p>Only text that parses as the expected module (name, and revision when one is expected) is stored, and the
 * file name always follows the text's own name and newest revision. A file is written to a temporary file in the
 * same directory and moved into place atomically, so readers in any process see either the old file or the whole
 * new one; writers of the same module race harmlessly (both write valid text of that module).
 */
public final class ModuleCache {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleCache.class);

    public static final String PROPERTY = "homeport.module.cache";
    public static final String ENV = "HOMEPORT_MODULE_CACHE";
    private static final String SUFFIX = ".yang";
    private static final String TEMP_SUFFIX = ".tmp";
    /** Temporary files of writers that died are removed after this long. */
    private static final Duration STALE_TEMP = Duration.ofHours(1);

    private final Path directory;

    /** A cache in {@code directory}, created if needed. */
    public ModuleCache(Path directory) throws IOException {
        this.directory = directory.toAbsolutePath().normalize();
        Files.createDirectories(this.directory);
        removeStaleTemporaryFiles();
    }

    /** The cache at the default location (see the class comment). */
    public static ModuleCache openDefault() throws IOException {
        return new ModuleCache(defaultDirectory());
    }

    public static Path defaultDirectory() {
        return defaultDirectory(System.getProperty(PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultDirectory(String property, Map<String, String> env, String userHome) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        // XDG base directories must be absolute; a relative value is to be ignored
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "homeport", "yang");
        }
        return Path.of(userHome, ".cache", "homeport", "yang");
    }

    public Path directory() {
        return directory;
    }

    /** The file a module of that name and revision is stored in (which need not exist). */
    public Path fileFor(ModuleRef ref) {
        return directory.resolve(ref.id() + SUFFIX);
    }

    /**
     * The stored file for exactly {@code name@revision} when the revision is given; without a revision, the newest
     * stored revision (or {@code name.yang} when only that exists).
     */
    public Optional<Path> find(ModuleRef ref) {
        if (ref.revision().isPresent()) {
            Path p = fileFor(ref);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        return revisions(ref.name()).stream().max(Comparator.naturalOrder()).map(this::fileFor);
    }

    public Optional<Path> find(String name, String revisionOrNull) {
        return find(ModuleRef.of(name, revisionOrNull));
    }

    /** Every stored revision of a module ({@code name} alone for a file without revision). */
    public List<ModuleRef> revisions(String name) {
        List<ModuleRef> out = new ArrayList<>();
        for (ModuleRef r : list()) {
            if (r.name().equals(name)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Every stored module and submodule, by file name (sorted). */
    public List<ModuleRef> list() {
        List<ModuleRef> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path p : ds) {
                String f = p.getFileName().toString();
                if (f.startsWith(".")) {
                    continue;
                }
                try {
                    out.add(ModuleRef.parse(f.substring(0, f.length() - SUFFIX.length())));
                } catch (IllegalArgumentException e) {
                    // a foreign file in the directory: not ours to judge
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the module cache " + directory, e);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /**
     * Reads and parses a stored module (see {@link #find(ModuleRef)} for revision selection).
     *
     * @throws InvalidModuleException if the file is no longer the module its name says (edited or damaged); the
     *                                caller should fetch it again, which replaces the file
     */
    public Optional<ModuleSource> load(ModuleRef ref) throws IOException, InvalidModuleException {
        Optional<Path> p = find(ref);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(p.get(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed meanwhile
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidModuleException(p.get() + ": not UTF-8 text", e);
        }
        String f = p.get().getFileName().toString();
        ModuleRef stored = ModuleRef.parse(f.substring(0, f.length() - SUFFIX.length()));
        return Optional.of(ModuleSource.parseExpected(text, stored, p.get().toString()));
    }

    /**
     * Validates and stores module text: it must parse as module or submodule {@code expected.name()} and, when
     * {@code expected} has a revision, have it as its newest revision. Nothing is written otherwise.
     *
     * @return the parsed module, whose {@link ModuleSource#origin()} is the stored file
     */
    public ModuleSource store(ModuleRef expected, String text, String origin) throws InvalidModuleException,
            IOException {
        ModuleSource parsed = ModuleSource.parseExpected(text, expected, origin);
        Path target = fileFor(parsed.ref());
        write(target, text);
        return parsed.withOrigin(target.toString());
    }

    private void write(Path target, String text) throws IOException {
        Files.createDirectories(directory);
        Path tmp = Files.createTempFile(directory, "." + target.getFileName() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = StandardCharsets.UTF_8.encode(text);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true); // the rename must never publish a file whose data is not on disk yet
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + directory + " cannot rename atomically; the module "
                        + "cache needs a local file system", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Removes a stored module (e.g. one found damaged). */
    public boolean remove(ModuleRef ref) throws IOException {
        return ref.revision().isPresent() ? Files.deleteIfExists(fileFor(ref)) : Files.deleteIfExists(
                directory.resolve(ref.name() + SUFFIX));
    }

    private void removeStaleTemporaryFiles() {
        Instant limit = Instant.now().minus(STALE_TEMP);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, ".*" + TEMP_SUFFIX)) {
            for (Path p : ds) {
                try {
                    FileTime t = Files.getLastModifiedTime(p);
                    if (t.toInstant().isBefore(limit)) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // another process may be removing it right now
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot clean temporary files in {}: {}", directory, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "module cache " + directory;
    }
}
