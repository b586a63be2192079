package dev.homeport.yang.ide;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.model.BuiltinType;
import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.syntax.Statement;
import java.net.URI;

/** What a name in a YANG text refers to; see {@link SymbolResolver}. */
public sealed interface Symbol permits Symbol.Module, Symbol.Definition, Symbol.Prefix, Symbol.Node, Symbol.Builtin {
    String name();

    /** A module or submodule, named in its own header or in an import, include or belongs-to. */
    record Module(IndexedSource source) implements Symbol {
        @Override
        public String name() {
            return source.name();
        }
    }

    /**
     * A {@code typedef}, {@code grouping}, {@code identity}, {@code feature} or {@code extension}: its defining
     * statement and the source that statement is in.
     */
    record Definition(String keyword, String name, Statement statement, URI uri) implements Symbol {
    }

    /**
     * A prefix of one source: bound by an {@code import}'s {@code prefix}, or the source's own (the module's
     * {@code prefix}, a submodule's {@code belongs-to} prefix). {@code declaration} is that {@code prefix} statement.
     */
    record Prefix(String name, Statement declaration, URI uri, String moduleName) implements Symbol {
    }

    /** A schema node: named by its own statement or by an augment, deviation, refine or leafref path. */
    record Node(SchemaNode node) implements Symbol {
        @Override
        public String name() {
            return node.name();
        }
    }

    /** A built-in type ({@code string}, {@code uint8}...), which has no definition in any source. */
    record Builtin(BuiltinType type) implements Symbol {
        @Override
        public String name() {
            return type.keyword();
        }
    }
}
