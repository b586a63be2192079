package dev.homeport.yang.model;

import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A hash of what a source means to a compiler: every statement's nesting, keyword and argument, except the text of
 * documentation statements. Two versions with the same fingerprint get the same yangtools verdict, so typing in a
 * description or a comment does not run yangtools again.
 */
public final class SemanticFingerprint {
    private static final Set<String> DOCUMENTATION = Set.of("description", "reference", "contact", "organization");
    private static final Map<SyntaxTree, String> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private SemanticFingerprint() {
    }

    public static String of(SyntaxTree tree) {
        String cached = CACHE.get(tree);
        if (cached != null) {
            return cached;
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (Statement s : tree.allStatements()) {
            digest.update((s.depth() + " " + s.keyword() + (s.hasValidKeyword() ? "" : "!") + "\u0000")
                    .getBytes(StandardCharsets.UTF_8));
            if (s.argument() != null && !DOCUMENTATION.contains(s.keyword())) {
                digest.update(s.argument().getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 1);
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        CACHE.put(tree, hash);
        return hash;
    }
}
