package dev.homeport.netconf.server.sim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import dev.homeport.netconf.data.DataPaths;
import dev.homeport.netconf.data.DataTrees;
import dev.homeport.netconf.data.DataValidator;
import dev.homeport.netconf.data.DataXPath;
import dev.homeport.netconf.data.EditApplier;
import dev.homeport.netconf.data.EditError;
import dev.homeport.netconf.data.InvalidDataException;
import dev.homeport.netconf.data.SubtreeFilter;
import dev.homeport.netconf.data.WithDefaults;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.schema.Cancellation;
import dev.homeport.netconf.schema.Conformance;
import dev.homeport.netconf.schema.DeviceModule;
import dev.homeport.netconf.schema.DeviceModules;
import dev.homeport.netconf.schema.DiscoverySource;
import dev.homeport.netconf.schema.InvalidModuleException;
import dev.homeport.netconf.schema.ModuleListing;
import dev.homeport.netconf.schema.ModuleRef;
import dev.homeport.netconf.schema.ModuleSource;
import dev.homeport.netconf.schema.SchemaBuildReport;
import dev.homeport.netconf.schema.SchemaBuilder;
import dev.homeport.netconf.schema.SchemaProgressListener;
import dev.homeport.netconf.xml.MalformedXmlException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * A kind of simulated device: its YANG modules (with the features it supports), its initial configuration, static
 * state and state generators. Loaded once per JVM and shared by every device of the kind: one schema, one initial
 * tree; devices keep only what they changed (immutable trees share the rest).
 *
 * <p>A profile is a folder:
 * <pre>
 *   profile.properties   description, features, import-only modules, configuration, state, generators
 *   yang/                the modules (published files, as published); the NETCONF server's own modules are added
 *   config.xml|json      the initial running configuration (optional)
 *   state.xml            operational state that does not change (optional)
 * </pre>
 * Keys of {@code profile.properties}:
 * <ul>
 *   <li>{@code description}: one line for people;</li>
 *   <li>{@code features.MODULE}: the features of MODULE the device supports, space separated (none otherwise);</li>
 *   <li>{@code import-only}: modules used only for their definitions (listed so in the YANG library);</li>
 *   <li>{@code config}: the configuration file, {@code .xml} (children of a root element) or {@code .json}
 *       (RFC 7951);</li>
 *   <li>{@code config.template} and {@code config.template.count}: a file whose {@code <repeat>} element (namespace
 *       {@value #TEMPLATE_NS}) is written {@code count} times, {@code {i}} replaced by 0, 1, ... and
 *       {@code {i/N%M}} by integer arithmetic on it; for generated datastores too large to ship;</li>
 *   <li>{@code state}: static state file (XML);</li>
 *   <li>{@code generators}: names of {@link StateGenerator}s (see {@link Generators}).</li>
 * </ul>
 * Built-in profiles are on the class path under {@code profiles/NAME/}; {@link #named} loads them.
 */
public final class Profile {
    public static final String TEMPLATE_NS = "urn:homeport:profile";
    /** The built-in profiles. */
    public static final List<String> BUILT_IN = List.of("home-router", "switch", "large");

    private static final String SERVER_MODULES = "netconf-server/yang";
    private static final Map<String, CompletableFuture<Profile>> LOADED = new ConcurrentHashMap<>();

    /** A module or submodule of the profile, with its text for get-schema. */
    public record ModuleInfo(String name, Optional<String> revision, Optional<String> namespace, String prefix,
                             String yangVersion, boolean implemented, Set<String> features,
                             List<ModuleRef> submodules, boolean isSubmodule, String text) {
        public ModuleRef ref() {
            return new ModuleRef(name, revision);
        }
    }

    private final String name;
    private final String description;
    private final EffectiveModelContext context;
    private final List<ModuleInfo> modules;
    private final ContainerNode initialConfig;
    private final ContainerNode staticState;
    private final List<StateGenerator> generators;
    private final String contentId;
    private final XmlDataCodec codec;
    private final EditApplier editor;
    private final DataValidator validator;
    private final SubtreeFilter subtreeFilter;
    private final DataXPath xpath;
    private final WithDefaults withDefaults;
    private final DataPaths paths;
    private volatile List<String> helloCapabilities;
    private volatile ContainerNode yangLibrary;

    private Profile(String name, String description, EffectiveModelContext context, List<ModuleInfo> modules,
                    ContainerNode initialConfig, ContainerNode staticState, List<StateGenerator> generators,
                    XmlDataCodec codec) {
        this.name = name;
        this.description = description;
        this.context = context;
        this.modules = List.copyOf(modules);
        this.initialConfig = initialConfig;
        this.staticState = staticState;
        this.generators = List.copyOf(generators);
        this.codec = codec;
        this.editor = new EditApplier(context);
        this.validator = new DataValidator(context);
        this.subtreeFilter = new SubtreeFilter(context);
        this.xpath = new DataXPath(context);
        this.withDefaults = new WithDefaults(context);
        this.paths = new DataPaths(context);
        this.contentId = contentId(modules);
    }

    // ---------------------------------------------------------------- loading

    /** A built-in profile, loaded on first use and then shared (one load per JVM). */
    public static Profile named(String name) throws InvalidProfileException {
        CompletableFuture<Profile> mine = new CompletableFuture<>();
        CompletableFuture<Profile> f = LOADED.putIfAbsent(name, mine);
        if (f == null) {
            try {
                mine.complete(load(name, builtInDirectory(name)));
            } catch (InvalidProfileException | RuntimeException e) {
                LOADED.remove(name, mine);
                mine.completeExceptionally(e);
            }
            f = mine;
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidProfileException("interrupted while loading profile " + name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidProfileException ip) {
                throw ip;
            }
            throw new InvalidProfileException("cannot load profile " + name + ": " + e.getCause(), e.getCause());
        }
    }

    /** A profile from a folder (see the class comment). */
    public static Profile load(Path directory) throws InvalidProfileException {
        return load(directory.getFileName().toString(), directory);
    }

    private static Path builtInDirectory(String name) throws InvalidProfileException {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new InvalidProfileException("no built-in profile '" + name + "'; built in are " + BUILT_IN);
        }
        Path p = resource("profiles/" + name + "/profile.properties");
        if (p == null) {
            throw new InvalidProfileException("no built-in profile '" + name + "'; built in are " + BUILT_IN);
        }
        return p.getParent();
    }

    /** A class-path resource as a path, also inside a jar (through the JDK's zip file system). */
    private static Path resource(String name) throws InvalidProfileException {
        URL url = Profile.class.getClassLoader().getResource(name);
        if (url == null) {
            return null;
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    // opened before: Path.of finds it
                }
            }
            if (!"jar".equals(uri.getScheme()) && !"file".equals(uri.getScheme())) {
                return inOwnArchive(name); // OSGi (bundleresource:): no file system of its own
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new InvalidProfileException("cannot read " + url + ": " + e.getMessage(), e);
        }
    }

    private static FileSystem ownArchive;

    /** The resource in the jar (or folder) this class was loaded from, as a path: how OSGi bundles read profiles. */
    private static synchronized Path inOwnArchive(String name) throws IOException, URISyntaxException {
        var source = Profile.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IOException("the engine's own jar is unknown (no code source)");
        }
        Path location = Path.of(source.getLocation().toURI());
        if (Files.isDirectory(location)) {
            return location.resolve(name);
        }
        if (ownArchive == null) {
            ownArchive = FileSystems.newFileSystem(location);
        }
        return ownArchive.getPath(name);
    }

    private static Profile load(String name, Path dir) throws InvalidProfileException {
        Properties props = new Properties();
        Path descriptor = dir.resolve("profile.properties");
        try (Reader r = Files.newBufferedReader(descriptor, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new InvalidProfileException("profile " + name + ": cannot read " + descriptor + ": " + e, e);
        }
        Map<String, ModuleSource> sources = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Path server = resource(SERVER_MODULES + "/ietf-netconf@2011-06-01.yang");
        if (server == null) {
            throw new InvalidProfileException("the NETCONF server's modules are missing from the class path");
        }
        readModules(server.getParent(), sources, texts);
        readModules(dir.resolve("yang"), sources, texts); // the profile's own revision wins

        Set<String> importOnly = new LinkedHashSet<>(ServerModules.IMPORT_ONLY);
        importOnly.addAll(words(props.getProperty("import-only", "")));
        List<DeviceModule> listed = new ArrayList<>();
        for (ModuleSource s : sources.values()) {
            if (s.isSubmodule()) {
                continue;
            }
            Set<String> features = new LinkedHashSet<>(ServerModules.FEATURES.getOrDefault(s.name(), Set.of()));
            String f = props.getProperty("features." + s.name());
            if (f != null) {
                features = new LinkedHashSet<>(words(f));
            }
            List<ModuleRef> subs = s.includes().stream().map(i -> sources.containsKey(i.name())
                    ? sources.get(i.name()).ref() : i).toList();
            listed.add(new DeviceModule(s.name(), s.revision(), s.namespace(), features, List.of(), subs,
                    importOnly.contains(s.name()) ? Conformance.IMPORT : Conformance.IMPLEMENT,
                    Set.of(DiscoverySource.YANG_LIBRARY)));
        }
        DeviceModules device = DeviceModules.merge(List.of(new ModuleListing(DiscoverySource.YANG_LIBRARY, listed,
                List.of(), Optional.empty(), List.of())), List.of());
        SchemaBuildReport report = new SchemaBuilder().build(sources.values(), device, Map.of(),
                SchemaProgressListener.NONE, Cancellation.none());
        if (report.partial() || !report.warnings().isEmpty()) {
            throw new InvalidProfileException("profile " + name + ": its modules do not build: " + report.warnings());
        }
        EffectiveModelContext context = report.context();

        List<ModuleInfo> modules = new ArrayList<>();
        for (ModuleSource s : sources.values()) {
            Optional<DeviceModule> dm = device.module(s.ref());
            modules.add(new ModuleInfo(s.name(), s.revision(), s.namespace(), prefixOf(texts.get(s.name())),
                    s.yangVersion(), dm.map(DeviceModule::implemented).orElse(false),
                    dm.map(DeviceModule::features).orElse(Set.of()), dm.map(DeviceModule::submodules)
                    .orElse(List.of()), s.isSubmodule(), texts.get(s.name())));
        }

        XmlDataCodec codec = new XmlDataCodec(context);
        ContainerNode config = readConfig(name, dir, props, codec, context);
        ContainerNode state = DataTrees.emptyData();
        String stateFile = props.getProperty("state");
        if (stateFile != null) {
            state = parseXml(name, dir.resolve(stateFile.strip()), codec);
        }
        List<StateGenerator> generators = new ArrayList<>();
        for (String g : words(props.getProperty("generators", ""))) {
            generators.add(Generators.named(g).orElseThrow(() -> new InvalidProfileException("profile " + name
                    + ": unknown state generator '" + g + "'; known: " + Generators.NAMES)));
        }
        Profile p = new Profile(name, props.getProperty("description", name).strip(), context, modules, config,
                state, generators, codec);
        List<EditError> problems = p.validator.validate(config);
        if (!problems.isEmpty()) {
            throw new InvalidProfileException("profile " + name + ": the initial configuration is invalid: "
                    + problems);
        }
        return p;
    }

    private static void readModules(Path dir, Map<String, ModuleSource> sources, Map<String, String> texts)
            throws InvalidProfileException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yang")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidProfileException("cannot list " + dir + ": " + e, e);
        }
        for (Path f : files) {
            try {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                ModuleSource s = ModuleSource.parse(text, f.toString());
                sources.put(s.name(), s);
                texts.put(s.name(), text);
            } catch (IOException e) {
                throw new InvalidProfileException("cannot read " + f + ": " + e, e);
            } catch (InvalidModuleException e) {
                throw new InvalidProfileException(e.getMessage(), e);
            }
        }
    }

    private static String prefixOf(String text) {
        var m = java.util.regex.Pattern.compile("\\bprefix\\s+\"?([A-Za-z_][\\w.-]*)").matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.trim().split("[\\s,]+")).filter(w -> !w.isEmpty()).toList();
    }

    // ---------------------------------------------------------------- configuration files

    private static ContainerNode readConfig(String profile, Path dir, Properties props, XmlDataCodec codec,
                                            EffectiveModelContext context) throws InvalidProfileException {
        ContainerNode config = DataTrees.emptyData();
        String file = props.getProperty("config");
        if (file != null) {
            Path p = dir.resolve(file.strip());
            config = p.toString().endsWith(".json") ? parseJson(profile, p, context) : parseXml(profile, p, codec);
        }
        String template = props.getProperty("config.template");
        if (template != null) {
            int count;
            try {
                count = Integer.parseInt(props.getProperty("config.template.count", "1").strip());
            } catch (NumberFormatException e) {
                throw new InvalidProfileException("profile " + profile + ": config.template.count is not a number");
            }
            Path p = dir.resolve(template.strip());
            try {
                ConfigTemplate t = ConfigTemplate.parse(Files.readString(p, StandardCharsets.UTF_8));
                config = DataTrees.merge(config, codec.parseStream(t.expand(count)));
            } catch (IOException | IllegalArgumentException e) {
                throw new InvalidProfileException("profile " + profile + ": " + p + ": " + e.getMessage(), e);
            }
        }
        return DataTrees.withoutEmptyNodes(context, config);
    }

    private static ContainerNode parseXml(String profile, Path p, XmlDataCodec codec) throws InvalidProfileException {
        try {
            return codec.parse(Files.readString(p, StandardCharsets.UTF_8), XmlDataCodec.Mode.STRICT).data();
        } catch (InvalidDataException | MalformedXmlException e) {
            throw new InvalidProfileException("profile " + profile + ": " + p + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidProfileException("profile " + profile + ": cannot read " + p + ": " + e, e);
        }
    }

    /** RFC 7951 JSON: an object whose members are top-level nodes ("module:name"). */
    private static ContainerNode parseJson(String profile, Path p, EffectiveModelContext context)
            throws InvalidProfileException {
        try {
            JsonElement json = JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8));
            if (!json.isJsonObject()) {
                throw new InvalidProfileException("profile " + profile + ": " + p + " is not a JSON object");
            }
            var codecs = JSONCodecFactorySupplier.RFC7951.getShared(context);
            List<DataContainerChild> top = new ArrayList<>();
            // yangtools writes the members of a root object straight to the writer; one member at a time gives
            // each its own result
            for (Map.Entry<String, JsonElement> member : json.getAsJsonObject().entrySet()) {
                JsonObject one = new JsonObject();
                one.add(member.getKey(), member.getValue());
                NormalizationResultHolder holder = new NormalizationResultHolder();
                JsonParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder), codecs)
                        .parse(new JsonReader(new StringReader(one.toString())));
                top.add((DataContainerChild) holder.getResult().data());
            }
            return ImmutableNodes.newContainerBuilder().withNodeIdentifier(DataTrees.emptyData().name())
                    .withValue(top).build();
        } catch (IOException e) {
            throw new InvalidProfileException("profile " + profile + ": cannot read " + p + ": " + e, e);
        } catch (RuntimeException e) {
            throw new InvalidProfileException("profile " + profile + ": " + p + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- what devices use

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public EffectiveModelContext context() {
        return context;
    }

    /** Modules and submodules, as loaded. */
    public List<ModuleInfo> modules() {
        return modules;
    }

    /** The module or submodule of that name and revision (any revision when {@code revision} is empty). */
    public List<ModuleInfo> modules(String moduleName, String revision) {
        return modules.stream().filter(m -> m.name().equals(moduleName)
                && (revision == null || revision.isEmpty() || m.revision().orElse("").equals(revision))).toList();
    }

    public ContainerNode initialConfig() {
        return initialConfig;
    }

    public ContainerNode staticState() {
        return staticState;
    }

    public List<StateGenerator> generators() {
        return generators;
    }

    /** RFC 8525 content-id: changes whenever the module set does. */
    public String contentId() {
        return contentId;
    }

    public XmlDataCodec codec() {
        return codec;
    }

    public EditApplier editor() {
        return editor;
    }

    public DataValidator validator() {
        return validator;
    }

    public SubtreeFilter subtreeFilter() {
        return subtreeFilter;
    }

    public DataXPath xpath() {
        return xpath;
    }

    public WithDefaults withDefaults() {
        return withDefaults;
    }

    public DataPaths paths() {
        return paths;
    }

    /** The capabilities every device of this profile sends in its hello. */
    public List<String> helloCapabilities() {
        List<String> c = helloCapabilities;
        if (c == null) {
            c = ServerStateData.helloCapabilities(this);
            helloCapabilities = c;
        }
        return c;
    }

    /** RFC 8525 /yang-library and RFC 7895 /modules-state, the same for all devices of the profile. */
    ContainerNode yangLibrary() {
        ContainerNode y = yangLibrary;
        if (y == null) {
            y = ServerStateData.yangLibrary(this);
            yangLibrary = y;
        }
        return y;
    }

    /** List entries in the initial configuration, all lists at every depth counted. */
    public long initialListEntries() {
        return countEntries(initialConfig);
    }

    static long countEntries(NormalizedNode node) {
        long n = 0;
        switch (node) {
            case MapNode m -> {
                n += m.size();
                for (var e : m.body()) {
                    n += countEntries(e);
                }
            }
            case DataContainerNode c -> {
                for (DataContainerChild child : c.body()) {
                    n += countEntries(child);
                }
            }
            default -> {
            }
        }
        return n;
    }

    private static String contentId(Collection<ModuleInfo> modules) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            modules.stream().map(m -> m.name() + "@" + m.revision().orElse("") + " " + m.implemented() + " "
                    + String.join(",", m.features())).sorted()
                    .forEach(s -> md.update((s + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "profile " + name + " (" + modules.size() + " modules)";
    }
}
