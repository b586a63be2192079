package dev.homeport.netconf.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.xml.xpath.XPathExpressionException;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.UnresolvedQName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.common.YangNamespaceContext;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryOperator;
import org.opendaylight.yangtools.yang.xpath.api.YangBooleanConstantExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFilterExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFunction;
import org.opendaylight.yangtools.yang.xpath.api.YangFunctionCallExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLiteralExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.AxisStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.NamespaceStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.NodeTypeStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.ResolvedQNameStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.Step;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.UnresolvedQNameStep;
import org.opendaylight.yangtools.yang.xpath.api.YangNaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangNaryOperator;
import org.opendaylight.yangtools.yang.xpath.api.YangNegateExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangNumberExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangPathExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangPredicateAware;
import org.opendaylight.yangtools.yang.xpath.api.YangQNameExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathAxis;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathMathMode;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathNodeType;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathParserFactory;
import org.opendaylight.yangtools.yang.xpath.impl.AntlrXPathParserFactory;

/**
 * XPath 1.0 over yangtools data trees, with the YANG 1.1 functions: what NETCONF's {@code :xpath} filters
 * (RFC 6241 section 8.9), partial-lock selections (RFC 5717) and {@code must} / {@code when} (RFC 7950 section 6.4)
 * need. Expressions are parsed by yangtools; evaluation is here, because yangtools evaluates XPath only on schemas.
 *
 * <p>The data root is the XPath root; a node's children are the data nodes under it (lists, leaf-lists and choices
 * have no node of their own: their entries and case members are children of the enclosing node, as in XML). A leaf's
 * string value is its XML text; an identityref compares equal to a string that names the same identity through any
 * prefix the expression binds, or the module's own prefix.
 *
 * <p>Everything of XPath 1.0 is supported except the {@code attribute} and {@code namespace} axes (YANG data has
 * neither), {@code id()} and {@code lang()}; of YANG 1.1, {@code deref()} and {@code enum-value()} are refused with a
 * clear error because they need the schema type of a node. Unprefixed names in client expressions match by local name
 * in any namespace (clients often omit prefixes; a strict reading would match nothing).
 */
public final class DataXPath {
    /** Given, not looked up: a ServiceLoader cannot see the implementation bundle under OSGi (the browser). */
    private static final YangXPathParserFactory PARSERS = new AntlrXPathParserFactory();
    private static final Map<QName, YangFunction> FUNCTIONS = new HashMap<>();

    static {
        for (YangFunction f : YangFunction.values()) {
            FUNCTIONS.put(f.getIdentifier(), f);
        }
    }

    /** An expression that cannot be parsed or evaluated; the message says why, for an rpc-error. */
    public static final class InvalidXPathException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidXPathException(String message) {
            super(message);
        }
    }

    /** A parsed expression, ready to evaluate against any tree of the schema. */
    public record Query(String text, YangXPathExpression expression) {
    }

    private final EffectiveModelContext context;
    private final SchemaIndex schema;
    private final Map<QName, Set<QName>> identityAncestors = new ConcurrentHashMap<>();

    public DataXPath(EffectiveModelContext context) {
        this.context = context;
        this.schema = new SchemaIndex(context);
    }

    // ---------------------------------------------------------------- public API

    /**
     * Parses a client's expression. {@code namespaces} binds its prefixes (from the XML element that carried it);
     * a prefix bound to a namespace no module has simply matches nothing.
     */
    public Query compile(String expression, Map<String, String> namespaces) throws InvalidXPathException {
        if (expression == null || expression.isBlank()) {
            throw new InvalidXPathException("empty XPath expression");
        }
        try {
            return new Query(expression, PARSERS.newParser(YangXPathMathMode.IEEE754, new Prefixes(namespaces))
                    .parseExpression(expression));
        } catch (XPathExpressionException | RuntimeException e) {
            throw new InvalidXPathException("invalid XPath '" + expression + "': " + EditParser.reason(e));
        }
    }

    /** The data paths of the nodes the expression selects, in document order of discovery. */
    public List<YangInstanceIdentifier> select(ContainerNode root, Query query) throws InvalidXPathException {
        Node top = Node.root(root);
        Object result = new Evaluation(query.expression(), top).eval(query.expression().getRootExpr(),
                new Ctx(top, 1, 1));
        if (!(result instanceof NodeSet set)) {
            throw new InvalidXPathException("XPath '" + query.text() + "' selects no nodes: it evaluates to a "
                    + typeName(result));
        }
        List<YangInstanceIdentifier> out = new ArrayList<>(set.nodes.size());
        for (Node n : set.nodes) {
            if (n.parent != null) {
                out.add(n.path());
            }
        }
        return out;
    }

    /** The selected nodes with what they contain, and their ancestors (list entries with their keys). */
    public ContainerNode filter(ContainerNode root, Query query) throws InvalidXPathException {
        return DataTrees.select(root, select(root, query));
    }

    // ---------------------------------------------------------------- for validation (must, when, leafref)

    /** The XPath node for a data path, walking down from the root; null when some step is missing. */
    Node nodeAt(Node root, YangInstanceIdentifier path) {
        Node n = root;
        List<PathArgument> mixins = new ArrayList<>(2);
        for (PathArgument a : path.getPathArguments()) {
            NormalizedNode child = childOf(n, mixins, a);
            if (child == null) {
                return null;
            }
            if (child instanceof MapNode || child instanceof LeafSetNode || child instanceof ChoiceNode
                    || child instanceof UnkeyedListNode) {
                mixins.add(a);
                continue;
            }
            n = new Node(child, n, mixins.isEmpty() ? NO_MIXINS : mixins.toArray(PathArgument[]::new));
            mixins.clear();
        }
        return n;
    }

    private static NormalizedNode childOf(Node n, List<PathArgument> mixins, PathArgument a) {
        NormalizedNode at = n.data;
        for (PathArgument m : mixins) {
            at = directChild(at, m);
            if (at == null) {
                return null;
            }
        }
        return directChild(at, a);
    }

    private static NormalizedNode directChild(NormalizedNode parent, PathArgument a) {
        return switch (parent) {
            case DataContainerNode c -> a instanceof YangInstanceIdentifier.NodeIdentifier id ? c.childByArg(id)
                    : null;
            case MapNode m -> a instanceof YangInstanceIdentifier.NodeIdentifierWithPredicates p
                    ? m.childByArg(p) : null;
            case LeafSetNode<?> s -> a instanceof YangInstanceIdentifier.NodeWithValue<?> v ? s.childByArg(v) : null;
            default -> null;
        };
    }

    /** Evaluates to a boolean with {@code node} as context and current node (must, when, leafref checks). */
    boolean test(YangXPathExpression expression, Node root, Node node) throws InvalidXPathException {
        return bool(new Evaluation(expression, root).eval(expression.getRootExpr(), new Ctx(node, 1, 1),
                node));
    }

    /** Evaluates to a node set with {@code node} as context and current node. */
    List<Node> nodes(YangXPathExpression expression, YangExpr expr, Node root, Node node)
            throws InvalidXPathException {
        Object r = new Evaluation(expression, root).eval(expr, new Ctx(node, 1, 1), node);
        if (r instanceof NodeSet s) {
            return s.nodes;
        }
        throw new InvalidXPathException("expected a node set, got " + typeName(r));
    }

    /** String value of a leaf or leaf-list entry, as it would be written in XML. */
    String text(Object value) {
        return switch (value) {
            case null -> "";
            case String s -> s;
            case QName q -> schema.prefix(q.getModule()) + ":" + q.getLocalName();
            case Boolean b -> b.toString();
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Set<?> bits -> String.join(" ", bits.stream().map(String::valueOf).toList());
            case Empty e -> "";
            default -> String.valueOf(value);
        };
    }

    // ---------------------------------------------------------------- nodes

    private static final PathArgument[] NO_MIXINS = new PathArgument[0];

    /** A data node in the XPath view: the node and the way to it (parent, and lists/choices passed through). */
    static final class Node {
        final NormalizedNode data;
        final Node parent;
        /** The list, leaf-list or choice nodes between parent and this node, which XPath does not see. */
        final PathArgument[] mixins;
        private int hash;
        private List<Node> children;

        Node(NormalizedNode data, Node parent, PathArgument[] mixins) {
            this.data = data;
            this.parent = parent;
            this.mixins = mixins;
        }

        static Node root(ContainerNode root) {
            return new Node(root, null, NO_MIXINS);
        }

        QName name() {
            return parent == null ? null : data.name().getNodeType();
        }

        boolean isValue() {
            return data instanceof LeafNode || data instanceof LeafSetEntryNode;
        }

        Object value() {
            return data.body();
        }

        List<Node> children() {
            if (children == null) {
                List<Node> out = new ArrayList<>();
                if (data instanceof DataContainerNode c) {
                    collect(c.body(), NO_MIXINS, out);
                }
                children = out;
            }
            return children;
        }

        private void collect(Collection<? extends NormalizedNode> nodes, PathArgument[] via, List<Node> out) {
            for (NormalizedNode c : nodes) {
                switch (c) {
                    case MapNode m -> collect(m.body(), plus(via, m.name()), out);
                    case LeafSetNode<?> s -> collect(s.body(), plus(via, s.name()), out);
                    case UnkeyedListNode u -> collect(u.body(), plus(via, u.name()), out);
                    case ChoiceNode ch -> collect(ch.body(), plus(via, ch.name()), out);
                    default -> out.add(new Node(c, this, via));
                }
            }
        }

        private static PathArgument[] plus(PathArgument[] via, PathArgument a) {
            PathArgument[] r = java.util.Arrays.copyOf(via, via.length + 1);
            r[via.length] = a;
            return r;
        }

        YangInstanceIdentifier path() {
            List<PathArgument> args = new ArrayList<>();
            for (Node n = this; n.parent != null; n = n.parent) {
                args.add(n.data.name());
                for (int i = n.mixins.length - 1; i >= 0; i--) {
                    args.add(n.mixins[i]);
                }
            }
            java.util.Collections.reverse(args);
            return YangInstanceIdentifier.of(args);
        }

        /** The path without list, leaf-list and choice steps: as error-path and messages show it. */
        YangInstanceIdentifier dataPath() {
            List<PathArgument> args = new ArrayList<>();
            for (Node n = this; n.parent != null; n = n.parent) {
                args.add(n.data.name());
            }
            java.util.Collections.reverse(args);
            return YangInstanceIdentifier.of(args);
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Node other) || other.data != data || hashCode() != other.hashCode()) {
                return false;
            }
            return parent == null ? other.parent == null : parent.equals(other.parent);
        }

        @Override
        public int hashCode() {
            if (hash == 0) {
                int h = System.identityHashCode(data) * 31 + (parent == null ? 7 : parent.hashCode());
                hash = h == 0 ? 1 : h;
            }
            return hash;
        }
    }

    /** An XPath node-set, in the order nodes were found. */
    private record NodeSet(List<Node> nodes) {
        static final NodeSet EMPTY = new NodeSet(List.of());
    }

    private record Ctx(Node node, int position, int size) {
    }

    private static String typeName(Object v) {
        return switch (v) {
            case NodeSet s -> "node-set";
            case String s -> "string";
            case Double d -> "number";
            case Boolean b -> "boolean";
            default -> v.getClass().getSimpleName();
        };
    }

    // ---------------------------------------------------------------- evaluation

    private final class Evaluation {
        private final YangXPathExpression expression;
        private final Node root;
        private Node current;

        Evaluation(YangXPathExpression expression, Node root) {
            this.expression = expression;
            this.root = root;
        }

        Object eval(YangExpr expr, Ctx ctx, Node currentNode) throws InvalidXPathException {
            this.current = currentNode;
            return eval(expr, ctx);
        }

        Object eval(YangExpr expr, Ctx ctx) throws InvalidXPathException {
            if (current == null) {
                current = ctx.node();
            }
            return switch (expr) {
                case YangLocationPath path -> new NodeSet(path(path, ctx.node()));
                case YangBinaryExpr bin -> binary(bin, ctx);
                case YangNaryExpr nary -> nary(nary, ctx);
                case YangNegateExpr neg -> -number(eval(neg.getSubExpr(), ctx));
                case YangLiteralExpr lit -> lit.getLiteral();
                case YangNumberExpr num -> num.getNumber().doubleValue();
                case YangBooleanConstantExpr b -> b.getValue();
                case YangQNameExpr.Resolved q -> text(q.getQName());
                case YangQNameExpr.Unresolved q -> q.getQName().toString();
                case YangFunctionCallExpr call -> function(call, ctx);
                case YangFilterExpr filter -> {
                    Object base = eval(filter.getExpr(), ctx);
                    if (filter.getPredicates().isEmpty()) {
                        yield base;
                    }
                    if (!(base instanceof NodeSet set)) {
                        throw new InvalidXPathException("a predicate applies only to a node set, not to a "
                                + typeName(base));
                    }
                    yield new NodeSet(predicates(set.nodes, filter.getPredicates()));
                }
                case YangPathExpr p -> {
                    Object base = eval(p.getFilterExpr(), ctx);
                    if (p.getLocationPath().isEmpty()) {
                        yield base;
                    }
                    if (!(base instanceof NodeSet set)) {
                        throw new InvalidXPathException("a path continues only from a node set, not from a "
                                + typeName(base));
                    }
                    LinkedHashSet<Node> out = new LinkedHashSet<>();
                    for (Node n : set.nodes) {
                        out.addAll(steps(p.getLocationPath().get().getSteps(), List.of(n)));
                    }
                    yield new NodeSet(new ArrayList<>(out));
                }
                default -> throw new InvalidXPathException("unsupported XPath construct: " + expr);
            };
        }

        // ---- location paths

        private List<Node> path(YangLocationPath path, Node context) throws InvalidXPathException {
            List<Node> start = List.of(path.isAbsolute() ? root : context);
            return steps(path.getSteps(), start);
        }

        private List<Node> steps(List<Step> steps, List<Node> start) throws InvalidXPathException {
            List<Node> nodes = start;
            for (Step step : steps) {
                LinkedHashSet<Node> next = new LinkedHashSet<>();
                for (Node n : nodes) {
                    List<Node> found = new ArrayList<>();
                    for (Node c : axis(step.getAxis(), n)) {
                        if (matches(step, c)) {
                            found.add(c);
                        }
                    }
                    if (step instanceof YangPredicateAware pa && !pa.getPredicates().isEmpty()) {
                        found = predicates(found, pa.getPredicates());
                    }
                    next.addAll(found);
                }
                nodes = new ArrayList<>(next);
                if (nodes.isEmpty()) {
                    break;
                }
            }
            return nodes;
        }

        private List<Node> predicates(List<Node> nodes, Collection<YangExpr> predicates)
                throws InvalidXPathException {
            List<Node> kept = nodes;
            for (YangExpr pred : predicates) {
                List<Node> out = new ArrayList<>();
                int size = kept.size();
                for (int i = 0; i < size; i++) {
                    Node n = kept.get(i);
                    Object r = eval(pred, new Ctx(n, i + 1, size));
                    boolean keep = r instanceof Double d ? d == i + 1 : bool(r);
                    if (keep) {
                        out.add(n);
                    }
                }
                kept = out;
            }
            return kept;
        }

        private List<Node> axis(YangXPathAxis axis, Node n) throws InvalidXPathException {
            return switch (axis) {
                case CHILD -> n.children();
                case SELF -> List.of(n);
                case PARENT -> n.parent == null ? List.of() : List.of(n.parent);
                case DESCENDANT -> descendants(n, false);
                case DESCENDANT_OR_SELF -> descendants(n, true);
                case ANCESTOR, ANCESTOR_OR_SELF -> {
                    List<Node> out = new ArrayList<>();
                    for (Node a = axis == YangXPathAxis.ANCESTOR ? n.parent : n; a != null; a = a.parent) {
                        out.add(a);
                    }
                    yield out;
                }
                case FOLLOWING_SIBLING, PRECEDING_SIBLING -> siblings(n, axis == YangXPathAxis.FOLLOWING_SIBLING);
                case FOLLOWING, PRECEDING -> {
                    boolean following = axis == YangXPathAxis.FOLLOWING;
                    List<Node> out = new ArrayList<>();
                    for (Node a = n; a != null; a = a.parent) {
                        for (Node s : siblings(a, following)) {
                            out.addAll(descendants(s, true));
                        }
                    }
                    yield out;
                }
                case ATTRIBUTE, NAMESPACE -> List.of();
            };
        }

        private List<Node> siblings(Node n, boolean following) {
            if (n.parent == null) {
                return List.of();
            }
            List<Node> all = n.parent.children();
            int i = all.indexOf(n);
            return following ? all.subList(i + 1, all.size()) : reversed(all.subList(0, Math.max(i, 0)));
        }

        private static List<Node> reversed(List<Node> l) {
            List<Node> r = new ArrayList<>(l);
            java.util.Collections.reverse(r);
            return r;
        }

        private List<Node> descendants(Node n, boolean self) {
            List<Node> out = new ArrayList<>();
            if (self) {
                out.add(n);
            }
            java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
            List<Node> kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
            while (!stack.isEmpty()) {
                Node c = stack.pop();
                out.add(c);
                List<Node> cc = c.children();
                for (int i = cc.size() - 1; i >= 0; i--) {
                    stack.push(cc.get(i));
                }
            }
            return out;
        }

        private boolean matches(Step step, Node n) {
            return switch (step) {
                case ResolvedQNameStep q -> n.parent != null && sameName(q.getQName(), n.name());
                case UnresolvedQNameStep u -> n.parent != null && unresolvedMatches(u.getQName(), n.name());
                case NamespaceStep ns -> n.parent != null
                        && ns.getNamespace().namespace().equals(n.name().getModule().namespace());
                case NodeTypeStep t -> t.getNodeType() == YangXPathNodeType.NODE;
                case AxisStep a -> true; // '*', '.', '..'
                default -> false;
            };
        }

        /** Unprefixed names of a client's expression: matched by local name in any namespace. */
        private static boolean unresolvedMatches(UnresolvedQName name, QName actual) {
            return name.getLocalName().equals(actual.getLocalName());
        }

        // ---- operators

        private Object binary(YangBinaryExpr bin, Ctx ctx) throws InvalidXPathException {
            YangBinaryOperator op = bin.getOperator();
            Object l = eval(bin.getLeftExpr(), ctx);
            Object r = eval(bin.getRightExpr(), ctx);
            return switch (op) {
                case PLUS -> number(l) + number(r);
                case MINUS -> number(l) - number(r);
                case MUL -> number(l) * number(r);
                case DIV -> number(l) / number(r);
                case MOD -> number(l) % number(r);
                default -> compare(op, l, r);
            };
        }

        private Object nary(YangNaryExpr nary, Ctx ctx) throws InvalidXPathException {
            if (nary.getOperator() == YangNaryOperator.UNION) {
                LinkedHashSet<Node> out = new LinkedHashSet<>();
                for (YangExpr e : nary.getExpressions()) {
                    Object v = eval(e, ctx);
                    if (!(v instanceof NodeSet s)) {
                        throw new InvalidXPathException("'|' joins node sets, not a " + typeName(v));
                    }
                    out.addAll(s.nodes);
                }
                return new NodeSet(new ArrayList<>(out));
            }
            boolean and = nary.getOperator() == YangNaryOperator.AND;
            for (YangExpr e : nary.getExpressions()) {
                boolean b = bool(eval(e, ctx));
                if (and && !b) {
                    return false;
                }
                if (!and && b) {
                    return true;
                }
            }
            return and;
        }

        private boolean compare(YangBinaryOperator op, Object l, Object r) {
            if (l instanceof NodeSet ls && r instanceof NodeSet rs) {
                for (Node a : ls.nodes) {
                    for (Node b : rs.nodes) {
                        if (compareAtoms(op, nodeAtom(a), nodeAtom(b))) {
                            return true;
                        }
                    }
                }
                return false;
            }
            if (l instanceof NodeSet ls) {
                return compareSet(op, ls, r, false);
            }
            if (r instanceof NodeSet rs) {
                return compareSet(op, rs, l, true);
            }
            return compareAtoms(op, l, r);
        }

        private boolean compareSet(YangBinaryOperator op, NodeSet set, Object other, boolean swapped) {
            if (other instanceof Boolean b) {
                boolean s = !set.nodes.isEmpty();
                return swapped ? compareAtoms(op, b, s) : compareAtoms(op, s, b);
            }
            for (Node n : set.nodes) {
                Object atom = other instanceof Double ? (Object) number(string(n)) : nodeAtom(n);
                if (swapped ? compareAtoms(op, other, atom) : compareAtoms(op, atom, other)) {
                    return true;
                }
            }
            return false;
        }

        /** A node as a comparable value: its string value, or an identity when it holds one. */
        private Object nodeAtom(Node n) {
            if (n.isValue() && n.value() instanceof QName q) {
                return q;
            }
            return string(n);
        }

        private boolean compareAtoms(YangBinaryOperator op, Object a, Object b) {
            if (op == YangBinaryOperator.EQUALS || op == YangBinaryOperator.NOT_EQUALS) {
                boolean eq;
                if (a instanceof QName || b instanceof QName) {
                    eq = sameIdentity(a, b);
                } else if (a instanceof Boolean || b instanceof Boolean) {
                    eq = bool(a) == bool(b);
                } else if (a instanceof Double || b instanceof Double) {
                    eq = number(a) == number(b);
                } else {
                    eq = string(a).equals(string(b));
                }
                return op == YangBinaryOperator.EQUALS == eq;
            }
            double x = number(a instanceof QName q ? text(q) : a);
            double y = number(b instanceof QName q ? text(q) : b);
            return switch (op) {
                case LT -> x < y;
                case LTE -> x <= y;
                case GT -> x > y;
                case GTE -> x >= y;
                default -> false;
            };
        }

        private boolean sameIdentity(Object a, Object b) {
            QName qa = asIdentity(a);
            QName qb = asIdentity(b);
            if (qa != null && qb != null) {
                return sameName(qa, qb);
            }
            return string(a).equals(string(b));
        }

        /** A QName, or a string naming an identity through the expression's prefixes or a module's prefix. */
        private QName asIdentity(Object v) {
            if (v instanceof QName q) {
                return q;
            }
            String s = string(v);
            int colon = s.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            try {
                if (expression.interpretAsQName(YangLiteralExpr.of(s)) instanceof YangQNameExpr.Resolved r) {
                    return r.getQName();
                }
            } catch (XPathExpressionException | RuntimeException e) {
                // not bound by the expression: try the module prefixes below
            }
            String prefix = s.substring(0, colon);
            for (Module m : context.getModules()) {
                if (m.getPrefix().equals(prefix)) {
                    return QName.create(m.getQNameModule(), s.substring(colon + 1));
                }
            }
            return null;
        }

        // ---- functions

        private Object function(YangFunctionCallExpr call, Ctx ctx) throws InvalidXPathException {
            YangFunction f = FUNCTIONS.get(call.getName());
            if (f == null) {
                throw new InvalidXPathException("unknown XPath function " + call.getName().getLocalName() + "()");
            }
            List<YangExpr> args = call.getArguments();
            return switch (f) {
                case LAST -> (double) ctx.size();
                case POSITION -> (double) ctx.position();
                case CURRENT -> new NodeSet(List.of(current));
                case COUNT -> (double) nodeSet(args.get(0), ctx).size();
                case TRUE -> true;
                case FALSE -> false;
                case NOT -> !bool(eval(args.get(0), ctx));
                case BOOLEAN -> bool(eval(args.get(0), ctx));
                case NUMBER -> args.isEmpty() ? number(string(ctx.node())) : number(eval(args.get(0), ctx));
                case STRING -> args.isEmpty() ? string(ctx.node()) : string(eval(args.get(0), ctx));
                case STRING_LENGTH -> {
                    String s = args.isEmpty() ? string(ctx.node()) : string(eval(args.get(0), ctx));
                    yield (double) s.codePointCount(0, s.length());
                }
                case NORMALIZE_SPACE -> (args.isEmpty() ? string(ctx.node()) : string(eval(args.get(0), ctx)))
                        .strip().replaceAll("\\s+", " ");
                case CONCAT -> {
                    StringBuilder sb = new StringBuilder();
                    for (YangExpr a : args) {
                        sb.append(string(eval(a, ctx)));
                    }
                    yield sb.toString();
                }
                case CONTAINS -> string(eval(args.get(0), ctx)).contains(string(eval(args.get(1), ctx)));
                case STARTS_WITH -> string(eval(args.get(0), ctx)).startsWith(string(eval(args.get(1), ctx)));
                case SUBSTRING_BEFORE -> {
                    String s = string(eval(args.get(0), ctx));
                    int i = s.indexOf(string(eval(args.get(1), ctx)));
                    yield i < 0 ? "" : s.substring(0, i);
                }
                case SUBSTRING_AFTER -> {
                    String s = string(eval(args.get(0), ctx));
                    String t = string(eval(args.get(1), ctx));
                    int i = s.indexOf(t);
                    yield i < 0 ? "" : s.substring(i + t.length());
                }
                case SUBSTRING -> substring(string(eval(args.get(0), ctx)), number(eval(args.get(1), ctx)),
                        args.size() > 2 ? number(eval(args.get(2), ctx)) : Double.NaN, args.size() > 2);
                case TRANSLATE -> translate(string(eval(args.get(0), ctx)), string(eval(args.get(1), ctx)),
                        string(eval(args.get(2), ctx)));
                case SUM -> {
                    double sum = 0;
                    for (Node n : nodeSet(args.get(0), ctx)) {
                        sum += number(string(n));
                    }
                    yield sum;
                }
                case FLOOR -> Math.floor(number(eval(args.get(0), ctx)));
                case CEILING -> Math.ceil(number(eval(args.get(0), ctx)));
                case ROUND -> {
                    double d = number(eval(args.get(0), ctx));
                    yield Double.isNaN(d) || Double.isInfinite(d) ? d : (double) Math.round(d);
                }
                case LOCAL_NAME, NAME, NAMESPACE_URI -> {
                    List<Node> ns = args.isEmpty() ? List.of(ctx.node()) : nodeSet(args.get(0), ctx);
                    if (ns.isEmpty() || ns.get(0).parent == null) {
                        yield "";
                    }
                    QName q = ns.get(0).name();
                    yield switch (f) {
                        case LOCAL_NAME -> q.getLocalName();
                        case NAMESPACE_URI -> q.getNamespace().toString();
                        default -> schema.prefix(q.getModule()) + ":" + q.getLocalName();
                    };
                }
                case RE_MATCH -> {
                    String s = string(eval(args.get(0), ctx));
                    String re = string(eval(args.get(1), ctx));
                    try {
                        yield Pattern.compile(re).matcher(s).matches();
                    } catch (PatternSyntaxException e) {
                        throw new InvalidXPathException("re-match(): invalid pattern '" + re + "'");
                    }
                }
                case DERIVED_FROM, DERIVED_FROM_OR_SELF -> {
                    QName base = identityArgument(args.get(1), ctx);
                    boolean orSelf = f == YangFunction.DERIVED_FROM_OR_SELF;
                    for (Node n : nodeSet(args.get(0), ctx)) {
                        if (n.isValue() && n.value() instanceof QName id && derivedFrom(id, base, orSelf)) {
                            yield true;
                        }
                    }
                    yield false;
                }
                case BIT_IS_SET -> {
                    String bit = string(eval(args.get(1), ctx));
                    for (Node n : nodeSet(args.get(0), ctx)) {
                        if (n.isValue() && n.value() instanceof Set<?> bits && bits.contains(bit)) {
                            yield true;
                        }
                    }
                    yield false;
                }
                case LANG -> false;
                case ID -> NodeSet.EMPTY;
                case DEREF, ENUM_VALUE -> throw new InvalidXPathException(f.getIdentifier().getLocalName()
                        + "() is not supported by this server's XPath evaluation");
            };
        }

        private QName identityArgument(YangExpr arg, Ctx ctx) throws InvalidXPathException {
            if (arg instanceof YangQNameExpr.Resolved r) {
                return r.getQName();
            }
            Object v = eval(arg, ctx);
            QName q = asIdentity(v);
            if (q == null) {
                throw new InvalidXPathException("'" + string(v) + "' does not name an identity");
            }
            return q;
        }

        private List<Node> nodeSet(YangExpr e, Ctx ctx) throws InvalidXPathException {
            Object v = eval(e, ctx);
            if (v instanceof NodeSet s) {
                return s.nodes;
            }
            throw new InvalidXPathException("expected a node set, got a " + typeName(v));
        }
    }

    // ---------------------------------------------------------------- conversions (XPath 1.0 section 4)

    private static boolean bool(Object v) {
        return switch (v) {
            case Boolean b -> b;
            case Double d -> d != 0 && !d.isNaN();
            case String s -> !s.isEmpty();
            case NodeSet s -> !s.nodes.isEmpty();
            case QName q -> true;
            default -> false;
        };
    }

    private double number(Object v) {
        return switch (v) {
            case Double d -> d;
            case Boolean b -> b ? 1 : 0;
            case String s -> parseNumber(s);
            case NodeSet s -> s.nodes.isEmpty() ? Double.NaN : parseNumber(string(s.nodes.get(0)));
            default -> parseNumber(string(v));
        };
    }

    private static double parseNumber(String s) {
        String t = s.strip();
        if (t.isEmpty() || !t.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return Double.NaN;
        }
        return new BigDecimal(t).doubleValue();
    }

    private String string(Object v) {
        return switch (v) {
            case String s -> s;
            case Boolean b -> b.toString();
            case Double d -> numberText(d);
            case NodeSet s -> s.nodes.isEmpty() ? "" : string(s.nodes.get(0));
            case Node n -> string(n);
            case QName q -> text(q);
            default -> String.valueOf(v);
        };
    }

    private String string(Node n) {
        if (n.isValue()) {
            return text(n.value());
        }
        StringBuilder sb = new StringBuilder();
        for (Node c : n.children()) {
            sb.append(string(c));
        }
        return sb.toString();
    }

    private static String numberText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String substring(String s, double start, double length, boolean hasLength) {
        double first = Math.round(start);
        double last = hasLength ? first + Math.round(length) : Double.POSITIVE_INFINITY;
        StringBuilder sb = new StringBuilder();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int pos = i + 1;
            if (pos >= first && pos < last) {
                sb.appendCodePoint(cps[i]);
            }
        }
        return sb.toString();
    }

    private static String translate(String s, String from, String to) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int k = from.indexOf(c);
            if (k < 0) {
                sb.append(c);
            } else if (k < to.length()) {
                sb.append(to.charAt(k));
            }
        }
        return sb.toString();
    }

    private static boolean sameName(QName a, QName b) {
        return a.getLocalName().equals(b.getLocalName()) && a.getNamespace().equals(b.getNamespace());
    }

    private boolean derivedFrom(QName identity, QName base, boolean orSelf) {
        if (orSelf && sameName(identity, base)) {
            return true;
        }
        for (QName a : identityAncestors.computeIfAbsent(identity, this::ancestors)) {
            if (sameName(a, base)) {
                return true;
            }
        }
        return false;
    }

    private Set<QName> ancestors(QName identity) {
        Set<QName> out = new HashSet<>();
        java.util.ArrayDeque<IdentitySchemaNode> todo = new java.util.ArrayDeque<>();
        findIdentity(identity).ifPresent(todo::add);
        while (!todo.isEmpty()) {
            for (IdentitySchemaNode b : todo.poll().getBaseIdentities()) {
                if (out.add(b.getQName())) {
                    todo.add(b);
                }
            }
        }
        return out;
    }

    private Optional<IdentitySchemaNode> findIdentity(QName q) {
        for (Module m : context.findModules(q.getNamespace())) {
            for (IdentitySchemaNode id : m.getIdentities()) {
                if (id.getQName().getLocalName().equals(q.getLocalName())) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- prefixes of a client's expression

    /** The prefixes declared where the expression was written, each bound to a module of the schema when one has it. */
    private final class Prefixes implements YangNamespaceContext {
        private static final long serialVersionUID = 1L;
        private final Map<String, QNameModule> byPrefix = new HashMap<>();

        Prefixes(Map<String, String> namespaces) {
            namespaces.forEach((prefix, ns) -> {
                List<QNameModule> modules = schema.modules(ns);
                QNameModule m = modules.isEmpty() ? moduleOf(ns) : modules.get(modules.size() - 1);
                if (m != null) {
                    byPrefix.put(prefix, m);
                }
            });
        }

        private static QNameModule moduleOf(String ns) {
            try {
                return QNameModule.of(XMLNamespace.of(ns));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public QNameModule namespaceForPrefix(String prefix) {
            return byPrefix.get(prefix);
        }

        @Override
        public String prefixForNamespace(QNameModule namespace) {
            for (Map.Entry<String, QNameModule> e : byPrefix.entrySet()) {
                if (e.getValue().equals(namespace)) {
                    return e.getKey();
                }
            }
            return null;
        }
    }
}
