package dev.homeport.yang.index;

import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One YANG source as the index knows it: where it is, what module it defines and the problems found in its
 * structure and name. The syntax tree is kept for documents open in the editor, and for every source when the
 * index was made to retain trees ({@code tree} is null for the others, which can be parsed again on demand).
 *
 * @param root        the search root it came from; null for an open document outside every root
 * @param fileName    the module name its file name gives ({@code a} for {@code a@2020-01-01.yang}); null if none
 * @param fileRevision the revision its file name gives; null if none
 * @param contentHash SHA-256 of the statements (keyword, argument value and nesting, without comments and layout),
 *                    so that copies that differ only in formatting count as the same module, not as a conflict
 */
public record IndexedSource(URI uri, SearchRoot root, boolean open, int version, ModuleHeader header, String fileName,
        Revision fileRevision, String contentHash, List<Diagnostic> diagnostics, SyntaxTree tree) {

    private static final Pattern FILE_NAME = Pattern.compile("([^@/\\\\]+?)(?:@(\\d{4}-\\d{2}-\\d{2}))?\\.yang",
            Pattern.CASE_INSENSITIVE);

    public IndexedSource {
        diagnostics = List.copyOf(diagnostics);
    }

    static IndexedSource build(URI uri, SearchRoot root, boolean open, int version, String text, int firstMalformed,
            boolean keepTree) {
        SyntaxTree tree = SyntaxTree.parse(text);
        ModuleHeader header = ModuleHeader.of(tree).orElse(null);
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (firstMalformed >= 0) {
            diagnostics.add(Diagnostic.error(Span.of(firstMalformed, firstMalformed + 1), IndexCodes.INVALID_UTF8,
                    "the file is not valid UTF-8 here (shown as \uFFFD); YANG files must be UTF-8"));
        }
        structure(tree, diagnostics);
        String fileName = null;
        Revision fileRevision = null;
        // jar: URIs are opaque (no getPath()); their last segment is still the entry's file name
        String path = "jar".equals(uri.getScheme()) || uri.getPath() == null ? uri.getSchemeSpecificPart() : uri.getPath();
        Matcher m = path == null ? null : FILE_NAME.matcher(SourceReader.lastSegment(path));
        if (m != null && m.matches()) {
            fileName = m.group(1);
            fileRevision = Revision.parse(m.group(2));
        }
        if (header != null && fileName != null) {
            fileNameChecks(header, fileName, fileRevision, diagnostics);
        }
        return new IndexedSource(uri, root, open, version, header, fileName, fileRevision, statementsHash(tree),
                diagnostics, open || keepTree ? tree : null);
    }

    private static void structure(SyntaxTree tree, List<Diagnostic> diagnostics) {
        Statement module = tree.moduleStatement().orElse(null);
        if (module == null) {
            Span where = tree.statements().isEmpty() ? Span.at(0) : tree.statements().get(0).keywordSpan();
            diagnostics.add(Diagnostic.error(where, IndexCodes.NO_MODULE,
                    "a YANG file must hold one 'module' or 'submodule' statement"));
            return;
        }
        for (Statement top : tree.statements()) {
            if (top != module) {
                diagnostics.add(Diagnostic.error(top.keywordSpan(), IndexCodes.EXTRA_TOP_LEVEL,
                        "only one 'module' or 'submodule' statement is allowed per file; '" + top.keyword()
                                + "' is outside it"));
            }
        }
    }

    private static void fileNameChecks(ModuleHeader header, String fileName, Revision fileRevision,
            List<Diagnostic> diagnostics) {
        Span where = header.nameSpan();
        if (!fileName.equals(header.name())) {
            diagnostics.add(Diagnostic.warning(where, IndexCodes.FILE_NAME_MISMATCH, "the file is named for '" + fileName
                    + "' but defines " + header.kind().keyword() + " '" + header.name() + "'"));
        }
        Revision latest = header.latestRevision();
        if (fileRevision != null && !fileRevision.equals(latest)) {
            diagnostics.add(Diagnostic.warning(where, IndexCodes.FILE_REVISION_MISMATCH, "the file name says revision "
                    + fileRevision + " but the newest revision statement is " + (latest == null ? "missing" : latest)));
        }
    }

    private static String statementsHash(SyntaxTree tree) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Statement st : tree.allStatements()) {
                digest.update((st.depth() + " " + st.keyword() + "\u0000").getBytes(StandardCharsets.UTF_8));
                if (st.argument() != null) {
                    digest.update(st.argument().getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) 1);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The module or submodule name; null when the source defines none. */
    public String name() {
        return header == null ? null : header.name();
    }

    public ModuleKind kind() {
        return header == null ? null : header.kind();
    }

    /** The newest revision statement, else the file name's revision, else null. */
    public Revision revision() {
        Revision latest = header == null ? null : header.latestRevision();
        return latest != null ? latest : fileRevision;
    }

    /** Position of its root in the search path; open documents outside every root come first (-1). */
    public int priority() {
        return root == null ? -1 : root.priority();
    }

    @Override
    public String toString() {
        return (header == null ? "?" : header.kind().keyword() + " " + header.name())
                + (revision() == null ? "" : "@" + revision()) + " " + uri;
    }
}
