package dev.homeport.netconf.schema;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.spi.source.SourceInfo;
import org.opendaylight.yangtools.yang.model.spi.source.StringYangTextSource;
import org.opendaylight.yangtools.yang.model.spi.source.YangIRSource;
import org.opendaylight.yangtools.yang.parser.api.YangSyntaxErrorException;
import org.opendaylight.yangtools.yang.parser.rfc7950.repo.TextToIRTransformer;

/**
 * The text of one YANG module or submodule, parsed once to yangtools' statement tree (IR) and described by its
 * header: name, revision, namespace or belongs-to, imports and includes. The same parse feeds the schema builder,
 * so a module is read once per load.
 */
public final class ModuleSource {
    /** Largest module text accepted (the biggest published modules are a few MB). */
    public static final int MAX_TEXT_CHARS = 64 * 1024 * 1024;

    public enum Kind { MODULE, SUBMODULE }

    private final ModuleRef ref;
    private final Kind kind;
    private final Optional<String> namespace;
    private final Optional<String> belongsTo;
    private final String yangVersion;
    private final List<ModuleRef> imports;
    private final List<ModuleRef> includes;
    private final String origin;
    private final YangIRSource ir;

    private ModuleSource(ModuleRef ref, Kind kind, Optional<String> namespace, Optional<String> belongsTo,
                         String yangVersion, List<ModuleRef> imports, List<ModuleRef> includes, String origin,
                         YangIRSource ir) {
        this.ref = ref;
        this.kind = kind;
        this.namespace = namespace;
        this.belongsTo = belongsTo;
        this.yangVersion = yangVersion;
        this.imports = List.copyOf(imports);
        this.includes = List.copyOf(includes);
        this.origin = origin;
        this.ir = ir;
    }

    /**
     * Parses YANG text. {@code origin} says where it came from, for messages (a file, "get-schema from ...").
     *
     * @throws InvalidModuleException when the text is not a syntactically valid module or submodule
     */
    public static ModuleSource parse(String text, String origin) throws InvalidModuleException {
        if (text == null || text.isBlank()) {
            throw new InvalidModuleException(origin + ": empty text instead of a YANG module");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new InvalidModuleException(origin + ": " + text.length() + " characters, more than the "
                    + MAX_TEXT_CHARS + " accepted for one module");
        }
        YangIRSource parsed;
        SourceInfo info;
        try {
            parsed = TextToIRTransformer.transformText(new StringYangTextSource(new SourceIdentifier("unknown"),
                    text, origin));
            info = parsed.extractSourceInfo();
        } catch (YangSyntaxErrorException e) {
            throw new InvalidModuleException(origin + ": not valid YANG: line " + e.getLine() + ":"
                    + (e.getCharPositionInLine() + 1) + ": " + e.getMessage(), e);
        } catch (SourceInfo.ExtractorException | IOException | RuntimeException e) {
            Throwable c = e instanceof SourceInfo.ExtractorException || e.getCause() == null ? e : e.getCause();
            throw new InvalidModuleException(origin + ": not a YANG module or submodule: " + c.getMessage(), e);
        }
        SourceIdentifier id = info.sourceId();
        ModuleRef ref;
        try {
            ref = new ModuleRef(id.name().getLocalName(),
                    Optional.ofNullable(id.revision()).map(Object::toString));
        } catch (IllegalArgumentException e) {
            throw new InvalidModuleException(origin + ": " + e.getMessage(), e);
        }
        List<ModuleRef> imports = info.imports().stream()
                .map(i -> dependency(i.name().getLocalName(), i.revision())).toList();
        List<ModuleRef> includes = info.includes().stream()
                .map(i -> dependency(i.name().getLocalName(), i.revision())).toList();
        // the parser names statements after this identifier: "name@revision" in every error message
        YangIRSource named = new YangIRSource(id, parsed.statement(), ref.id());
        if (info instanceof SourceInfo.Submodule sub) {
            return new ModuleSource(ref, Kind.SUBMODULE, Optional.empty(),
                    Optional.of(sub.belongsTo().name().getLocalName()), info.yangVersion().toString(), imports,
                    includes, origin, named);
        }
        SourceInfo.Module mod = (SourceInfo.Module) info;
        return new ModuleSource(ref, Kind.MODULE, Optional.of(mod.namespace().toString()), Optional.empty(),
                info.yangVersion().toString(), imports, includes, origin, named);
    }

    private static ModuleRef dependency(String name, Object revision) {
        return ModuleRef.of(name, revision == null ? null : revision.toString());
    }

    /**
     * Parses and checks that the text is the expected module or submodule: same name and, when {@code expected}
     * has a revision, that revision as its newest.
     */
    public static ModuleSource parseExpected(String text, ModuleRef expected, String origin)
            throws InvalidModuleException {
        ModuleSource s = parse(text, origin);
        if (!s.name().equals(expected.name())) {
            throw new InvalidModuleException(origin + ": expected " + expected.id() + " but the text is "
                    + (s.kind == Kind.MODULE ? "module " : "submodule ") + s.ref.id());
        }
        if (expected.revision().isPresent() && !expected.revision().equals(s.revision())) {
            throw new InvalidModuleException(origin + ": expected revision " + expected.revision().get() + " of "
                    + expected.name() + " but the text's newest revision is "
                    + s.revision().orElse("(none)"));
        }
        return s;
    }

    public ModuleRef ref() {
        return ref;
    }

    public String name() {
        return ref.name();
    }

    /** The newest revision statement, empty if the text has none. */
    public Optional<String> revision() {
        return ref.revision();
    }

    public Kind kind() {
        return kind;
    }

    public boolean isSubmodule() {
        return kind == Kind.SUBMODULE;
    }

    /** The module's namespace; empty for a submodule. */
    public Optional<String> namespace() {
        return namespace;
    }

    /** The module a submodule belongs to; empty for a module. */
    public Optional<String> belongsTo() {
        return belongsTo;
    }

    /** "1" or "1.1". */
    public String yangVersion() {
        return yangVersion;
    }

    /** Imports, with the revision-date when the import names one. */
    public List<ModuleRef> imports() {
        return imports;
    }

    /** Included submodules, with the revision-date when given. */
    public List<ModuleRef> includes() {
        return includes;
    }

    /** Where the text came from (cache file, device). */
    public String origin() {
        return origin;
    }

    /** The same module, said to come from elsewhere (e.g. the cache file it was just stored in). */
    ModuleSource withOrigin(String newOrigin) {
        return new ModuleSource(ref, kind, namespace, belongsTo, yangVersion, imports, includes, newOrigin, ir);
    }

    /** The parsed statements, for the yangtools parser. */
    YangIRSource irSource() {
        return ir;
    }

    @Override
    public String toString() {
        return (kind == Kind.MODULE ? "module " : "submodule ") + ref.id() + " (" + origin + ")";
    }
}
