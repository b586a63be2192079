package dev.homeport.yang.model;

import dev.homeport.yang.syntax.Statement;
import java.util.ArrayList;
import java.util.List;

/** Follows {@code type} statements through their typedefs (see {@link ResolvedType}). */
public final class TypeResolver {
    /** Deeper typedef chains than this are treated as a cycle. */
    private static final int MAX_DEPTH = 64;

    private final ModelWorld world;

    public TypeResolver(ModelWorld world) {
        this.world = world;
    }

    /** Resolves a {@code type} statement in the context of its own source. */
    public ResolvedType resolve(Statement type) {
        ModuleContext context = world.contextOf(type);
        return context == null ? new ResolvedType(null, List.of()) : resolve(type, context);
    }

    public ResolvedType resolve(Statement type, ModuleContext context) {
        List<ResolvedType.Layer> layers = new ArrayList<>();
        Statement current = type;
        ModuleContext currentContext = context;
        Statement typedef = null;
        while (layers.size() < MAX_DEPTH) {
            layers.add(new ResolvedType.Layer(current, currentContext, typedef));
            String name = current.argument() == null ? "" : current.argument().trim();
            if (name.indexOf(':') < 0) {
                BuiltinType builtin = BuiltinType.of(name);
                if (builtin != null) {
                    return new ResolvedType(builtin, List.copyOf(layers));
                }
            }
            Definitions.Found found = Definitions.find(world, currentContext, current, "typedef", name);
            if (!found.ok()) {
                return new ResolvedType(null, List.copyOf(layers));
            }
            Statement next = found.statement().firstChild("type").orElse(null);
            if (next == null || found.statement() == typedef || containsTypedef(layers, found.statement())) {
                return new ResolvedType(null, List.copyOf(layers));
            }
            typedef = found.statement();
            current = next;
            currentContext = found.context();
        }
        return new ResolvedType(null, List.copyOf(layers));
    }

    private static boolean containsTypedef(List<ResolvedType.Layer> layers, Statement typedef) {
        for (ResolvedType.Layer l : layers) {
            if (l.typedef() == typedef) {
                return true;
            }
        }
        return false;
    }
}
