package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.data.DataXPath;
import dev.homeport.netconf.data.EditError;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.message.WithDefaultsMode;
import dev.homeport.netconf.ops.EditConfig.DefaultOperation;
import dev.homeport.netconf.ops.EditConfig.ErrorOption;
import dev.homeport.netconf.ops.EditConfig.TestOption;
import dev.homeport.netconf.server.RpcHandler;
import dev.homeport.netconf.server.RpcRequest;
import dev.homeport.netconf.server.ServerSession;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.ActionNodeContainer;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The RPCs of a simulated device: reads a request's parameters (refusing unknown, missing, repeated or malformed
 * ones with the RFC 6241 error tags), calls the device and writes the reply. Every request gets exactly one reply,
 * also when something unexpected fails.
 */
final class DeviceRpcs implements RpcHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRpcs.class);
    private static final String SYSTEM_NS = "urn:ietf:params:xml:ns:yang:ietf-system";
    private static final long DEFAULT_CONFIRM_TIMEOUT = 600;

    private final SimulatedDevice device;

    DeviceRpcs(SimulatedDevice device) {
        this.device = device;
    }

    // ---------------------------------------------------------------- RpcHandler

    @Override
    public void handle(ServerSession session, RpcRequest req) {
        DeviceSession ds = (DeviceSession) session.attachment();
        device.countRpc(ds);
        String reply;
        try {
            reply = dispatch(ds, req);
        } catch (RpcFailure f) {
            device.countError(ds);
            session.reply(req, errors(f.errors()));
            return;
        } catch (RuntimeException e) {
            LOG.warn("device {}: <{}> failed", device.name(), req.name(), e);
            device.countError(ds);
            session.reply(req, List.of(SimulatedDevice.internal(e)));
            return;
        }
        if (reply != null) {
            session.reply(req, reply);
        }
    }

    @Override
    public void sessionStarted(ServerSession session) {
        device.sessionStarted((DeviceSession) session.attachment());
    }

    @Override
    public void rejected(ServerSession session, RpcError error) {
        device.countBadRpc((DeviceSession) session.attachment());
    }

    @Override
    public void sessionClosed(ServerSession session) {
        device.sessionClosed((DeviceSession) session.attachment());
    }

    private static String errors(List<EditError> errors) {
        StringBuilder sb = new StringBuilder();
        for (EditError e : errors) {
            sb.append(e.toXml().toXml());
        }
        return sb.toString();
    }

    /** The reply body, or null when the operation replies itself (close-session, create-subscription). */
    private String dispatch(DeviceSession ds, RpcRequest req) throws RpcFailure {
        Element op = req.operation();
        String ns = op.getNamespaceURI() == null ? "" : op.getNamespaceURI();
        String name = op.getLocalName();
        return switch (ns) {
            case Namespaces.BASE -> switch (name) {
                case "get" -> get(op);
                case "get-config" -> getConfig(op);
                case "edit-config" -> editConfig(ds, op);
                case "copy-config" -> copyConfig(ds, op);
                case "delete-config" -> deleteConfig(ds, op);
                case "lock" -> lock(ds, op, true);
                case "unlock" -> lock(ds, op, false);
                case "close-session" -> {
                    params(op, Set.of());
                    device.closeSession(ds, req);
                    yield null;
                }
                case "kill-session" -> killSession(ds, op);
                case "commit" -> commit(ds, op);
                case "cancel-commit" -> cancelCommit(ds, op);
                case "discard-changes" -> {
                    params(op, Set.of());
                    device.discardChanges(ds);
                    yield "<ok/>";
                }
                case "validate" -> validate(op);
                default -> throw notSupported(op, "<" + name + "> is not a NETCONF operation this server supports");
            };
            case Namespaces.MONITORING -> switch (name) {
                case "get-schema" -> getSchema(op);
                default -> throw notSupported(op, "no operation <" + name + "> in ietf-netconf-monitoring");
            };
            case Namespaces.NOTIFICATION -> switch (name) {
                case "create-subscription" -> createSubscription(ds, req, op);
                default -> throw notSupported(op, "no operation <" + name + "> in the notification namespace");
            };
            case Namespaces.PARTIAL_LOCK -> switch (name) {
                case "partial-lock" -> partialLock(ds, op);
                case "partial-unlock" -> partialUnlock(ds, op);
                default -> throw notSupported(op, "no operation <" + name + "> in ietf-netconf-partial-lock");
            };
            case Namespaces.NMDA -> switch (name) {
                case "get-data" -> getData(op);
                case "edit-data" -> editData(ds, op);
                default -> throw notSupported(op, "no operation <" + name + "> in ietf-netconf-nmda");
            };
            case Namespaces.YANG_1 -> {
                if (!name.equals("action")) {
                    throw notSupported(op, "<" + name + "> is not an operation");
                }
                yield action(op);
            }
            case SYSTEM_NS -> switch (name) {
                case "set-current-datetime" -> setCurrentDatetime(op);
                case "system-restart", "system-shutdown" -> {
                    params(op, Set.of());
                    device.restart();
                    yield "<ok/>";
                }
                default -> throw notSupported(op, "no RPC <" + name + "> in ietf-system");
            };
            default -> otherRpc(op);
        };
    }

    private String otherRpc(Element op) throws RpcFailure {
        String ns = op.getNamespaceURI() == null ? "" : op.getNamespaceURI();
        List<org.opendaylight.yangtools.yang.model.api.Module> modules = device.profile().context().getModules()
                .stream().filter(m -> m.getNamespace().toString().equals(ns))
                .map(m -> (org.opendaylight.yangtools.yang.model.api.Module) m).toList();
        if (modules.isEmpty()) {
            throw new RpcFailure(EditError.of("protocol", "unknown-namespace", "no module of this device has "
                    + "namespace '" + ns + "' (operation <" + op.getLocalName() + ">)")
                    .withInfo("bad-element", op.getLocalName()).withInfo("bad-namespace", ns));
        }
        for (var m : modules) {
            for (RpcDefinition rpc : m.getRpcs()) {
                if (rpc.getQName().getLocalName().equals(op.getLocalName())) {
                    throw notSupported(op, "the RPC " + m.getName() + ":" + op.getLocalName()
                            + " is defined but not simulated by this device");
                }
            }
        }
        throw notSupported(op, "module " + modules.get(0).getName() + " has no RPC <" + op.getLocalName() + ">");
    }

    private static RpcFailure notSupported(Element op, String message) {
        return new RpcFailure(EditError.of("protocol", "operation-not-supported", message)
                .withInfo("bad-element", op.getLocalName()));
    }

    // ---------------------------------------------------------------- parameters

    /**
     * The parameters of an operation by local name. Children must be in the operation's namespace (with-defaults in
     * its own) and among {@code allowed}; each at most once except {@code repeatable} ones, which are not returned.
     */
    private static Map<String, Element> params(Element op, Set<String> allowed, String... repeatable)
            throws RpcFailure {
        Map<String, Element> out = new LinkedHashMap<>();
        String ns = op.getNamespaceURI();
        for (Element c : Dom.children(op)) {
            String local = c.getLocalName();
            boolean wd = local.equals("with-defaults") && Namespaces.WITH_DEFAULTS.equals(c.getNamespaceURI());
            if (!wd && !java.util.Objects.equals(ns, c.getNamespaceURI())
                    && !(Namespaces.NMDA.equals(ns) && Namespaces.WITH_DEFAULTS.equals(c.getNamespaceURI()))) {
                throw RpcFailure.unknownElement(local, "<" + local + "> (namespace " + c.getNamespaceURI()
                        + ") is not a parameter of <" + op.getLocalName() + ">");
            }
            if (!allowed.contains(local)) {
                throw RpcFailure.unknownElement(local, "<" + local + "> is not a parameter of <" + op.getLocalName()
                        + ">");
            }
            if (List.of(repeatable).contains(local)) {
                continue;
            }
            if (out.put(local, c) != null) {
                throw RpcFailure.badElement(local, "<" + local + "> is given more than once");
            }
        }
        return out;
    }

    private static Element required(Map<String, Element> params, String name, Element op) throws RpcFailure {
        Element e = params.get(name);
        if (e == null) {
            throw RpcFailure.missingElement(name, "<" + op.getLocalName() + "> needs <" + name + ">");
        }
        return e;
    }

    /** A datastore reference inside target or source; url is not supported; inline config only where allowed. */
    private record Source(SimulatedDevice.Store store, Element config) {
    }

    private static Source datastore(Element holder, boolean configAllowed) throws RpcFailure {
        List<Element> c = Dom.children(holder);
        if (c.size() != 1) {
            throw RpcFailure.badElement(holder.getLocalName(), "<" + holder.getLocalName()
                    + "> must name exactly one datastore");
        }
        Element e = c.get(0);
        if (!Namespaces.BASE.equals(e.getNamespaceURI())) {
            throw RpcFailure.unknownElement(e.getLocalName(), "<" + e.getLocalName() + "> is not a datastore");
        }
        return switch (e.getLocalName()) {
            case "running" -> new Source(SimulatedDevice.Store.RUNNING, null);
            case "candidate" -> new Source(SimulatedDevice.Store.CANDIDATE, null);
            case "startup" -> new Source(SimulatedDevice.Store.STARTUP, null);
            case "url" -> throw new RpcFailure(EditError.of("protocol", "operation-not-supported",
                    "this device does not read or write URLs (no :url capability)").withInfo("bad-element", "url"));
            case "config" -> {
                if (!configAllowed) {
                    throw RpcFailure.badElement("config", "inline <config> is not allowed in <"
                            + holder.getLocalName() + ">");
                }
                yield new Source(null, e);
            }
            default -> throw RpcFailure.badElement(e.getLocalName(), "unknown datastore <" + e.getLocalName() + ">");
        };
    }

    private static <E extends Enum<E>> E keyword(Element e, Class<E> type) throws RpcFailure {
        String text = e.getTextContent().strip();
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException ex) {
            throw RpcFailure.badElement(e.getLocalName(), "'" + text + "' is not a valid <" + e.getLocalName() + ">");
        }
    }

    private static long number(Element e, long min, long max) throws RpcFailure {
        String text = e.getTextContent().strip();
        try {
            long v = Long.parseLong(text);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException ex) {
            throw RpcFailure.badElement(e.getLocalName(), "<" + e.getLocalName() + "> must be a number from " + min
                    + " to " + max + ", not '" + text + "'");
        }
    }

    private static WithDefaultsMode withDefaults(Map<String, Element> params) throws RpcFailure {
        Element e = params.get("with-defaults");
        if (e == null) {
            return null;
        }
        return WithDefaultsMode.fromKeyword(e.getTextContent()).orElseThrow(() -> RpcFailure.badElement(
                "with-defaults", "'" + e.getTextContent().strip() + "' is not a with-defaults mode"));
    }

    /** Every prefix declared on the element or its ancestors (the nearest declaration wins). */
    static Map<String, String> prefixes(Element e) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            NamedNodeMap attrs = el.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if ("xmlns".equals(a.getPrefix())) {
                    out.putIfAbsent(a.getLocalName(), a.getValue());
                }
            }
        }
        return out;
    }

    /** The {@code <filter>} of get, get-config and create-subscription (RFC 6241 section 6, section 8.9). */
    private Reads.Filter filter(Element f) throws RpcFailure {
        if (f == null) {
            return Reads.Filter.ALL;
        }
        String type = f.hasAttribute("type") ? f.getAttribute("type")
                : f.hasAttributeNS(Namespaces.BASE, "type") ? f.getAttributeNS(Namespaces.BASE, "type") : "subtree";
        return switch (type.strip()) {
            case "subtree" -> Reads.subtree(f);
            case "xpath" -> {
                String select = f.hasAttribute("select") ? f.getAttribute("select")
                        : f.getAttributeNS(Namespaces.BASE, "select");
                if (select.isEmpty()) {
                    throw new RpcFailure(EditError.of("protocol", "missing-attribute",
                            "an XPath filter needs a select attribute").withInfo("bad-attribute", "select")
                            .withInfo("bad-element", "filter"));
                }
                yield xpathFilter(select, f);
            }
            default -> throw new RpcFailure(EditError.of("protocol", "bad-attribute", "filter type '" + type
                    + "' is neither subtree nor xpath").withInfo("bad-attribute", "type").withInfo("bad-element",
                    "filter"));
        };
    }

    private Reads.Filter xpathFilter(String expression, Element context) throws RpcFailure {
        return xpathFilter(expression, prefixes(context), context.getLocalName());
    }

    private Reads.Filter xpathFilter(String expression, Map<String, String> ns, String element) throws RpcFailure {
        try {
            return Reads.xpath(device.profile().xpath().compile(expression, ns), ns);
        } catch (DataXPath.InvalidXPathException e) {
            throw new RpcFailure(EditError.of("protocol", "invalid-value", e.getMessage())
                    .withInfo("bad-element", element));
        }
    }

    // ---------------------------------------------------------------- retrieval

    private String get(Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("filter", "with-defaults"));
        Reads.Filter f = filter(p.get("filter"));
        WithDefaultsMode wd = withDefaults(p);
        Profile profile = device.profile();
        ContainerNode tree = Reads.filter(profile, Reads.operational(device, device.snapshot(), f), f);
        String body = Reads.write(profile, tree, wd, false);
        if (f.streams()) {
            body += ServerStateData.streams(device);
        }
        return Reads.dataBase(body);
    }

    private String getConfig(Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("source", "filter", "with-defaults"));
        Source src = datastore(required(p, "source", op), false);
        Reads.Filter f = filter(p.get("filter"));
        WithDefaultsMode wd = withDefaults(p);
        Profile profile = device.profile();
        ContainerNode tree = Reads.filter(profile, device.snapshot().get(src.store()), f);
        return Reads.dataBase(Reads.write(profile, tree, wd, true));
    }

    private String getData(Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("datastore", "subtree-filter", "xpath-filter", "config-filter",
                "max-depth", "with-defaults"));
        String ds = datastoreIdentity(required(p, "datastore", op));
        if (p.containsKey("subtree-filter") && p.containsKey("xpath-filter")) {
            throw RpcFailure.badElement("xpath-filter", "give subtree-filter or xpath-filter, not both");
        }
        Reads.Filter f = Reads.Filter.ALL;
        if (p.containsKey("subtree-filter")) {
            f = Reads.subtree(p.get("subtree-filter"));
        } else if (p.containsKey("xpath-filter")) {
            f = xpathFilter(p.get("xpath-filter").getTextContent().strip(), p.get("xpath-filter"));
        }
        Boolean configFilter = null;
        if (p.containsKey("config-filter")) {
            String t = p.get("config-filter").getTextContent().strip();
            if (!t.equals("true") && !t.equals("false")) {
                throw RpcFailure.badElement("config-filter", "config-filter is true or false, not '" + t + "'");
            }
            configFilter = Boolean.valueOf(t);
        }
        int maxDepth = 0;
        if (p.containsKey("max-depth") && !p.get("max-depth").getTextContent().strip().equals("unbounded")) {
            maxDepth = (int) number(p.get("max-depth"), 1, 65535);
        }
        WithDefaultsMode wd = withDefaults(p);
        Profile profile = device.profile();
        SimulatedDevice.Snapshot snap = device.snapshot();
        ContainerNode tree = switch (ds) {
            case "running", "intended" -> snap.running();
            case "candidate" -> snap.candidate();
            case "startup" -> snap.startup();
            default -> Reads.operational(device, snap, f);
        };
        tree = Reads.filter(profile, tree, f);
        if (Boolean.TRUE.equals(configFilter)) {
            tree = dev.homeport.netconf.data.DataTrees.configOnly(profile.context(), tree);
        } else if (Boolean.FALSE.equals(configFilter)) {
            tree = Reads.stateOnly(profile, tree);
        }
        if (maxDepth > 0) {
            tree = Reads.depth(tree, maxDepth);
        }
        return Reads.data(Namespaces.NMDA, Reads.write(profile, tree, wd, !ds.equals("operational")));
    }

    /** An ietf-datastores identity ({@code ds:operational}, any prefix bound to that namespace). */
    private static String datastoreIdentity(Element e) throws RpcFailure {
        String text = e.getTextContent().strip();
        int colon = text.indexOf(':');
        String local = colon < 0 ? text : text.substring(colon + 1);
        String ns = colon < 0 ? e.lookupNamespaceURI(null) : e.lookupNamespaceURI(text.substring(0, colon));
        if (!Namespaces.DATASTORES.equals(ns)
                || !Set.of("running", "candidate", "startup", "intended", "operational").contains(local)) {
            throw RpcFailure.badElement("datastore", "'" + text + "' is not a datastore of this server (an "
                    + "ietf-datastores identity: running, candidate, startup, intended, operational)");
        }
        return local;
    }

    private String getSchema(Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("identifier", "version", "format"));
        String id = required(p, "identifier", op).getTextContent().strip();
        String version = p.containsKey("version") ? p.get("version").getTextContent().strip() : null;
        if (p.containsKey("format")) {
            String format = p.get("format").getTextContent().strip();
            String local = format.substring(format.indexOf(':') + 1);
            if (!local.equals("yang")) {
                throw RpcFailure.badElement("format", "only the yang format is available, not '" + format + "'");
            }
        }
        List<Profile.ModuleInfo> found = device.profile().modules(id, version);
        if (found.isEmpty()) {
            throw RpcFailure.badElement("identifier", "no schema '" + id + "'" + (version == null || version.isEmpty()
                    ? "" : " revision " + version) + " on this device");
        }
        if (found.size() > 1) {
            throw new RpcFailure(EditError.of("protocol", "operation-failed", "several revisions of '" + id
                    + "' exist: give the version").withInfo("bad-element", "identifier"));
        }
        return XmlFragment.element(Namespaces.MONITORING, "data").text(found.get(0).text()).toXml();
    }

    // ---------------------------------------------------------------- editing

    private String editConfig(DeviceSession ds, Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("target", "default-operation", "test-option", "error-option",
                "config", "url"));
        Source target = datastore(required(p, "target", op), false);
        if (target.store() == SimulatedDevice.Store.STARTUP) {
            throw RpcFailure.badElement("target", "edit-config targets running or candidate; change startup with "
                    + "copy-config");
        }
        DefaultOperation defaultOperation = p.containsKey("default-operation")
                ? keyword(p.get("default-operation"), DefaultOperation.class) : DefaultOperation.MERGE;
        TestOption test = p.containsKey("test-option") ? keyword(p.get("test-option"), TestOption.class)
                : TestOption.TEST_THEN_SET;
        ErrorOption error = p.containsKey("error-option") ? keyword(p.get("error-option"), ErrorOption.class)
                : ErrorOption.STOP_ON_ERROR;
        if (p.containsKey("url")) {
            throw new RpcFailure(EditError.of("protocol", "operation-not-supported",
                    "this device does not read URLs (no :url capability)").withInfo("bad-element", "url"));
        }
        device.edit(ds, target.store(), required(p, "config", op), defaultOperation, test, error);
        return "<ok/>";
    }

    private String editData(DeviceSession ds, Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("datastore", "default-operation", "config", "url"));
        String name = datastoreIdentity(required(p, "datastore", op));
        SimulatedDevice.Store store = switch (name) {
            case "running" -> SimulatedDevice.Store.RUNNING;
            case "candidate" -> SimulatedDevice.Store.CANDIDATE;
            case "startup" -> SimulatedDevice.Store.STARTUP;
            default -> throw RpcFailure.badElement("datastore", "the " + name + " datastore cannot be edited");
        };
        DefaultOperation defaultOperation = p.containsKey("default-operation")
                ? keyword(p.get("default-operation"), DefaultOperation.class) : DefaultOperation.MERGE;
        if (p.containsKey("url")) {
            throw new RpcFailure(EditError.of("protocol", "operation-not-supported",
                    "this device does not read URLs").withInfo("bad-element", "url"));
        }
        device.edit(ds, store, required(p, "config", op), defaultOperation, TestOption.TEST_THEN_SET,
                ErrorOption.ROLLBACK_ON_ERROR);
        return "<ok/>";
    }

    private String copyConfig(DeviceSession ds, Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("target", "source", "with-defaults"));
        Source target = datastore(required(p, "target", op), false);
        Source source = datastore(required(p, "source", op), true);
        if (source.store() == target.store()) {
            throw RpcFailure.badElement("source", "source and target are the same datastore");
        }
        device.copy(ds, target.store(), source.store(), source.config());
        return "<ok/>";
    }

    private String deleteConfig(DeviceSession ds, Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("target"));
        device.delete(ds, datastore(required(p, "target", op), false).store());
        return "<ok/>";
    }

    private String validate(Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("source"));
        Source src = datastore(required(p, "source", op), true);
        List<EditError> problems = device.validate(src.store(), src.config());
        if (!problems.isEmpty()) {
            throw new RpcFailure(problems);
        }
        return "<ok/>";
    }

    // ---------------------------------------------------------------- locks and sessions

    private String lock(DeviceSession ds, Element op, boolean lock) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("target"));
        SimulatedDevice.Store store = datastore(required(p, "target", op), false).store();
        if (lock) {
            device.lock(ds, store);
        } else {
            device.unlock(ds, store);
        }
        return "<ok/>";
    }

    private String partialLock(DeviceSession ds, Element op) throws RpcFailure {
        params(op, Set.of("select"), "select");
        List<Element> selects = Dom.children(op, Namespaces.PARTIAL_LOCK, "select");
        if (selects.isEmpty()) {
            throw RpcFailure.missingElement("select", "<partial-lock> needs at least one <select>");
        }
        List<DataXPath.Query> queries = new java.util.ArrayList<>();
        for (Element s : selects) {
            try {
                queries.add(device.profile().xpath().compile(s.getTextContent().strip(), prefixes(s)));
            } catch (DataXPath.InvalidXPathException e) {
                throw RpcFailure.badElement("select", e.getMessage());
            }
        }
        SimulatedDevice.PartialLock lock = device.partialLock(ds, queries);
        StringBuilder sb = new StringBuilder(XmlFragment.element(Namespaces.PARTIAL_LOCK, "lock-id")
                .text(Long.toString(lock.id())).toXml());
        for (var node : lock.nodes()) {
            var id = device.profile().paths().instanceIdentifier(node);
            var e = XmlFragment.element(Namespaces.PARTIAL_LOCK, "locked-node").text(id.xpath());
            id.namespaces().forEach((prefix, ns) -> e.attr("xmlns:" + prefix, ns));
            sb.append(e.toXml());
        }
        return sb.toString();
    }

    private String partialUnlock(DeviceSession ds, Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("lock-id"));
        device.partialUnlock(ds, number(required(p, "lock-id", op), 0, 0xFFFF_FFFFL));
        return "<ok/>";
    }

    private String killSession(DeviceSession ds, Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("session-id"));
        device.killSession(ds, number(required(p, "session-id", op), 1, 0xFFFF_FFFFL));
        return "<ok/>";
    }

    // ---------------------------------------------------------------- commit

    private String commit(DeviceSession ds, Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("confirmed", "confirm-timeout", "persist", "persist-id"));
        boolean confirmed = p.containsKey("confirmed");
        if (!confirmed && (p.containsKey("confirm-timeout") || p.containsKey("persist"))) {
            String bad = p.containsKey("persist") ? "persist" : "confirm-timeout";
            throw RpcFailure.badElement(bad, "<" + bad + "> is allowed only with <confirmed/>");
        }
        long timeout = p.containsKey("confirm-timeout") ? number(p.get("confirm-timeout"), 1, 0xFFFF_FFFFL)
                : DEFAULT_CONFIRM_TIMEOUT;
        String persist = p.containsKey("persist") ? p.get("persist").getTextContent() : null;
        String persistId = p.containsKey("persist-id") ? p.get("persist-id").getTextContent() : null;
        device.commit(ds, confirmed, Duration.ofSeconds(timeout), persist, persistId);
        return "<ok/>";
    }

    private String cancelCommit(DeviceSession ds, Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("persist-id"));
        device.cancelCommit(ds, p.containsKey("persist-id") ? p.get("persist-id").getTextContent() : null);
        return "<ok/>";
    }

    // ---------------------------------------------------------------- notifications

    private String createSubscription(DeviceSession ds, RpcRequest req, Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("stream", "filter", "startTime", "stopTime"));
        if (p.containsKey("stream") && !p.get("stream").getTextContent().strip().equals("NETCONF")) {
            throw RpcFailure.badElement("stream", "no stream '" + p.get("stream").getTextContent().strip()
                    + "'; this device has the NETCONF stream");
        }
        Instant start = p.containsKey("startTime") ? time(p.get("startTime")) : null;
        Instant stop = p.containsKey("stopTime") ? time(p.get("stopTime")) : null;
        if (stop != null && start == null) {
            throw RpcFailure.missingElement("startTime", "stopTime needs a startTime (RFC 5277 section 2.1.1)");
        }
        if (stop != null && stop.isBefore(start)) {
            throw RpcFailure.badElement("stopTime", "stopTime is before startTime");
        }
        Element subtree = null;
        DataXPath.Query xpath = null;
        if (p.containsKey("filter")) {
            Reads.Filter f = filter(p.get("filter"));
            subtree = f.subtree();
            xpath = f.xpath();
        }
        device.subscribe(ds, req, subtree, xpath, start, stop);
        return null;
    }

    private static Instant time(Element e) throws RpcFailure {
        try {
            return OffsetDateTime.parse(e.getTextContent().strip()).toInstant();
        } catch (DateTimeParseException ex) {
            throw RpcFailure.badElement(e.getLocalName(), "'" + e.getTextContent().strip()
                    + "' is not an RFC 3339 date-and-time");
        }
    }

    // ---------------------------------------------------------------- profile RPCs and actions

    private String setCurrentDatetime(Element op) throws RpcFailure {
        Map<String, Element> p = params(op, Set.of("current-datetime"));
        Instant to = time(required(p, "current-datetime", op));
        device.setClock(to);
        return "<ok/>";
    }

    private static final String ROUTER_OPS_NS = "urn:homeport:yang:homeport-router-ops";
    private static final String IF_NS = "urn:ietf:params:xml:ns:yang:ietf-interfaces";

    /** An action request read with the schema: the action, its target's path and key values. */
    private record ActionCall(ActionDefinition definition, Element action, String path, Map<String, String> prefixes,
                              Map<String, String> keys, QName parent) {
    }

    /**
     * YANG 1.1 actions (RFC 7950 section 7.15.2): the target is read with the device's schema, must exist in the
     * operational datastore (else data-missing with its error-path), and then the action runs. The simulated one is
     * homeport-router-ops:reset-counters on an ietf-interfaces interface (home-router profile).
     */
    private String action(Element op) throws RpcFailure {
        ActionCall call = readAction(op);
        Reads.Filter f = xpathFilter(call.path(), call.prefixes(), "action");
        Profile profile = device.profile();
        ContainerNode found = Reads.filter(profile, Reads.operational(device, device.snapshot(), f), f);
        if (found.body().isEmpty()) {
            throw new RpcFailure(new EditError("application", EditError.DATA_MISSING, java.util.Optional.empty(),
                    java.util.Optional.of(call.path()), call.prefixes(), "the action's target " + call.path()
                    + " does not exist on this device", Map.of()));
        }
        QName name = call.definition().getQName();
        if (name.getNamespace().toString().equals(ROUTER_OPS_NS) && name.getLocalName().equals("reset-counters")
                && call.parent().getNamespace().toString().equals(IF_NS)
                && call.parent().getLocalName().equals("interface")) {
            Map<String, Element> p = params(call.action(), Set.of("reason"));
            String ifName = call.keys().get("name");
            Instant at = device.resetCounters(ifName);
            LOG.info("device {}: counters of interface {} reset ({})", device.name(), ifName,
                    p.containsKey("reason") ? p.get("reason").getTextContent().strip() : "no reason given");
            return XmlFragment.element(ROUTER_OPS_NS, "reset-at").text(Generators.dateTime(at)).toXml();
        }
        throw new RpcFailure(EditError.of("protocol", "operation-not-supported", "the action " + name.getLocalName()
                + " is defined but not simulated by this device").withInfo("bad-element", name.getLocalName()));
    }

    /**
     * Walks the data nodes of an {@code <action>} down to the action element, with the schema: containers and list
     * entries (with all their keys) until a child is an action of the node reached.
     */
    private ActionCall readAction(Element op) throws RpcFailure {
        EffectiveModelContext context = device.profile().context();
        DataNodeContainer schema = context;
        Element at = op;
        StringBuilder path = new StringBuilder();
        Map<String, String> prefixes = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        QName parent = null;
        while (true) {
            List<Element> children = Dom.children(at);
            if (schema instanceof ActionNodeContainer actions && at != op) {
                for (Element c : children) {
                    for (ActionDefinition a : actions.getActions()) {
                        if (matches(a.getQName(), c)) {
                            for (Element other : children) {
                                if (other != c && !keys.containsKey(other.getLocalName())) {
                                    throw RpcFailure.unknownElement(other.getLocalName(), "<" + other.getLocalName()
                                            + "> next to the action " + a.getQName().getLocalName()
                                            + " is not a key of its target");
                                }
                            }
                            return new ActionCall(a, c, path.toString(), prefixes, keys, parent);
                        }
                    }
                }
            }
            DataSchemaNode next = null;
            Element nextElement = null;
            for (Element c : children) {
                for (DataSchemaNode d : schema.getChildNodes()) {
                    if ((d instanceof ContainerSchemaNode || d instanceof ListSchemaNode) && matches(d.getQName(), c)) {
                        next = d;
                        nextElement = c;
                    }
                }
            }
            if (next == null) {
                // nothing leads on: the innermost element that is not a key names an action this node lacks
                Map<String, String> here = keys;
                String named = children.stream().map(Element::getLocalName).filter(n -> !here.containsKey(n))
                        .findFirst().orElse(at.getLocalName());
                throw new RpcFailure(EditError.of("protocol", "operation-not-supported", "no action '" + named
                        + "' is defined " + (path.isEmpty() ? "at the data root" : "on " + path)
                        + " in this device's schema").withInfo("bad-element", named));
            }
            String prefix = prefix(context, next.getQName());
            prefixes.put(prefix, next.getQName().getNamespace().toString());
            path.append('/').append(prefix).append(':').append(next.getQName().getLocalName());
            keys = new LinkedHashMap<>();
            if (next instanceof ListSchemaNode list) {
                for (QName key : list.getKeyDefinition()) {
                    Element k = Dom.children(nextElement).stream().filter(e -> matches(key, e)).findFirst()
                            .orElse(null);
                    if (k == null) {
                        throw RpcFailure.missingElement(key.getLocalName(), "the action's target "
                                + next.getQName().getLocalName() + " needs its key <" + key.getLocalName() + ">");
                    }
                    String value = k.getTextContent().strip();
                    keys.put(key.getLocalName(), value);
                    String keyPrefix = prefix(context, key);
                    prefixes.put(keyPrefix, key.getNamespace().toString());
                    path.append('[').append(keyPrefix).append(':').append(key.getLocalName()).append('=')
                            .append(value.contains("'") ? '"' + value + '"' : "'" + value + "'").append(']');
                }
            }
            parent = next.getQName();
            schema = (DataNodeContainer) next;
            at = nextElement;
        }
    }

    private static boolean matches(QName q, Element e) {
        return q.getLocalName().equals(e.getLocalName())
                && q.getNamespace().toString().equals(e.getNamespaceURI());
    }

    private static String prefix(EffectiveModelContext context, QName q) {
        return context.findModule(q.getModule()).map(m -> m.getPrefix()).orElse("m");
    }
}
