package dev.homeport.netconf.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlCodec;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlCodecFactory;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Schema look-ups shared by the data classes: which schema node an XML element or a NormalizedNode child is (through
 * choices and cases, which have no element of their own), value codecs, and module names and prefixes for paths.
 */
final class SchemaIndex {
    /** A choice passed on the way from a parent to a data node, and the case the node belongs to. */
    record ChoiceStep(ChoiceSchemaNode choice, CaseSchemaNode caseNode) {
    }

    /** A data node found under a parent, with the choices between them (outermost first). */
    record Child(List<ChoiceStep> choices, DataSchemaNode node) {
    }

    private final EffectiveModelContext context;
    private final XmlCodecFactory codecs;
    private final Map<String, List<QNameModule>> modulesByNamespace = new ConcurrentHashMap<>();

    SchemaIndex(EffectiveModelContext context) {
        this.context = context;
        this.codecs = XmlCodecFactory.create(context);
    }

    EffectiveModelContext context() {
        return context;
    }

    /** Modules (revisions) with this XML namespace; empty when no module of the schema has it. */
    List<QNameModule> modules(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return List.of();
        }
        return modulesByNamespace.computeIfAbsent(namespace, ns -> {
            XMLNamespace xmlns;
            try {
                xmlns = XMLNamespace.of(ns);
            } catch (IllegalArgumentException e) {
                return List.of();
            }
            return context.findModuleStatements(xmlns).stream().map(m -> m.localQNameModule()).toList();
        });
    }

    /** The data node an element (namespace, local name) stands for under a parent, or null when there is none. */
    Child findChild(DataNodeContainer parent, String namespace, String localName) {
        for (QNameModule module : modules(namespace)) {
            Child c = findChild(parent, QName.create(module, localName));
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** The data node with this name under a parent, looking through choices and cases, or null. */
    Child findChild(DataNodeContainer parent, QName name) {
        DataSchemaNode direct = parent.dataChildByName(name);
        if (direct != null && !(direct instanceof ChoiceSchemaNode)) {
            return new Child(List.of(), direct);
        }
        for (DataSchemaNode child : parent.getChildNodes()) {
            if (child instanceof ChoiceSchemaNode choice) {
                for (CaseSchemaNode caseNode : choice.getCases()) {
                    Child inner = findChild(caseNode, name);
                    if (inner != null) {
                        List<ChoiceStep> steps = new ArrayList<>(inner.choices().size() + 1);
                        steps.add(new ChoiceStep(choice, caseNode));
                        steps.addAll(inner.choices());
                        return new Child(List.copyOf(steps), inner.node());
                    }
                }
            }
        }
        return null;
    }

    /** The case of a choice that directly holds the node named {@code child} (a data node or a nested choice). */
    static CaseSchemaNode caseOf(ChoiceSchemaNode choice, QName child) {
        for (CaseSchemaNode caseNode : choice.getCases()) {
            if (caseNode.dataChildByName(child) != null) {
                return caseNode;
            }
        }
        return null;
    }

    static boolean isConfig(DataSchemaNode node) {
        return node.effectiveConfig().orElse(Boolean.TRUE);
    }

    static boolean isPresence(DataSchemaNode node) {
        return node instanceof ContainerSchemaNode c && c.isPresenceContainer();
    }

    /**
     * The XML codec of a leaf or leaf-list. The schema-tree path is asked for only when the type is a leafref, whose
     * target depends on where the leaf sits.
     */
    XmlCodec<?> codec(TypedDataSchemaNode node, Supplier<SchemaNodeIdentifier.Absolute> schemaTreePath) {
        return (XmlCodec<?>) codecs.codecFor(node,
                leafref -> SchemaInferenceStack.of(context, schemaTreePath.get()).resolveLeafref(leafref));
    }

    String moduleName(QNameModule module) {
        return context.findModule(module).map(Module::getName).orElse(module.namespace().toString());
    }

    String prefix(QNameModule module) {
        return context.findModule(module).map(Module::getPrefix).orElse("ns");
    }
}
