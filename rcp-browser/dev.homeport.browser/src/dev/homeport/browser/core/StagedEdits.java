package dev.homeport.browser.core;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.RpcErrorException;
import dev.homeport.netconf.data.DataDelta;
import dev.homeport.netconf.data.DataValidator;
import dev.homeport.netconf.data.EditApplier;
import dev.homeport.netconf.data.EditError;
import dev.homeport.netconf.data.EditException;
import dev.homeport.netconf.data.InvalidDataException;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.ConfirmedCommit;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import dev.homeport.netconf.xml.XmlFragment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;

/**
 * Edits of one device, staged before anything is sent. Each edit is applied at once to a local copy of the edit
 * target's configuration with the engine's {@link EditApplier} (so a value the leaf's type refuses, or a create of
 * what exists, is refused here with its path and nothing is staged). What is sent is the engine's {@link DataDelta}
 * between the configuration read when staging began and the staged one: {@link #editConfigXml()} is exactly that.
 *
 * <p>The edit target is the candidate on devices with {@code :candidate} (then commit, confirmed commit), else
 * running ("apply"). The target is locked while edits are staged; when another session holds the lock, its
 * session-id is shown and a commit is refused before anything is sent. Failures keep the staged edits.
 *
 * <p>Every method that talks to the device blocks: call it off the UI thread. Listeners are called on the calling
 * thread (or the confirmed-commit timer's) and must hand over to the UI themselves.
 */
public final class StagedEdits {
    /** One staged change: where, the value before and after (empty for nodes without one), and the operation. */
    public record Edit(String path, String oldValue, String newValue, EditConfig.Operation operation,
                       XmlFragment content) {
    }

    /** The lock on the edit target as this session knows it. */
    public record LockState(Datastore store, boolean ours, Optional<String> holder, String text) {
    }

    /** What happened, for the views: edits changed, the device's configuration changed, or the lock changed. */
    public enum Event { STAGED, DEVICE_CHANGED, LOCK }

    /** The device or the local checks refused an action; nothing was lost: the staged edits are still there. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final NetconfClient client;
    private final XmlDataCodec codec;
    private final DataNodes nodes;
    private final EditApplier applier;
    private final Datastore target;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Edit> edits = new LinkedHashMap<>();
    private ContainerNode baseline;
    private ContainerNode staged;
    // read by the views on the UI thread without waiting for a device call in progress
    private volatile List<Edit> snapshot = List.of();
    private volatile LockState lock;
    private volatile Instant confirmDeadline;
    private volatile String lastOutcome = "";

    public StagedEdits(NetconfClient client, XmlDataCodec codec) {
        this.client = client;
        this.codec = codec;
        this.nodes = new DataNodes(codec.context());
        this.applier = new EditApplier(codec.context());
        this.target = client.capabilities().candidate() ? Datastore.CANDIDATE : Datastore.RUNNING;
        this.lock = new LockState(target, false, Optional.empty(), target + " not locked");
    }

    public void addListener(Consumer<Event> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<Event> l) {
        listeners.remove(l);
    }

    private void fire(Event e) {
        listeners.forEach(l -> l.accept(e));
    }

    /** candidate, or running on devices without :candidate. */
    public Datastore target() {
        return target;
    }

    public boolean hasCandidate() {
        return target.equals(Datastore.CANDIDATE);
    }

    public boolean canConfirmCommit() {
        return hasCandidate() && client.capabilities().confirmedCommit();
    }

    public DataNodes nodes() {
        return nodes;
    }

    public List<Edit> edits() {
        return snapshot;
    }

    public boolean isEmpty() {
        return snapshot.isEmpty();
    }

    /** The staged edit at a path (as {@link DataNodes#path} writes it). */
    public Optional<Edit> edit(String path) {
        return snapshot.stream().filter(e -> e.path().equals(path)).findFirst();
    }

    public LockState lockState() {
        return lock;
    }

    /** When a confirmed commit must be confirmed by, while one is waiting. */
    public Optional<Instant> confirmDeadline() {
        return Optional.ofNullable(confirmDeadline);
    }

    /** The outcome of the last action, for a view that opens later. */
    public String lastOutcome() {
        return lastOutcome;
    }

    // ------------------------------------------------------------------ staging

    /** Stages a new value for a leaf. Staging the value it had before removes the edit. */
    public void setLeaf(List<NormalizedNode> ancestors, QName leaf, String oldValue, String newValue)
            throws RefusedException {
        String path = nodes.path(ancestors, leaf, Map.of());
        XmlFragment.Element e = element(leaf).text(newValue);
        declareIdentityPrefix(e, ancestors, leaf, newValue);
        synchronized (this) {
            Edit before = edits.get(path);
            String original = before != null ? before.oldValue() : oldValue;
            Map<String, Edit> next = new LinkedHashMap<>(edits);
            next.remove(path);
            if (!newValue.equals(original) || before != null && before.operation() != EditConfig.Operation.MERGE) {
                next.put(path, new Edit(path, original, newValue, EditConfig.Operation.MERGE, wrap(ancestors, e)));
            }
            install(next);
        }
    }

    /**
     * Stages a new list entry ({@code values} hold its keys and any other leaves by name) or a presence container
     * ({@code values} empty), with operation create.
     */
    public void create(List<NormalizedNode> ancestors, DataSchemaNode node, Map<QName, String> values)
            throws RefusedException {
        XmlFragment.Element e = element(node.getQName()).attr(Namespaces.BASE, "nc", "operation", "create");
        Map<QName, String> keys = new LinkedHashMap<>();
        if (node instanceof ListSchemaNode list) {
            for (QName k : list.getKeyDefinition()) {
                String v = values.get(k);
                if (v == null || v.isEmpty()) {
                    throw new RefusedException("a new " + node.getQName().getLocalName() + " needs its key "
                            + k.getLocalName(), null);
                }
                keys.put(k, v);
            }
        }
        for (Map.Entry<QName, String> v : values.entrySet()) {
            if (!v.getValue().isEmpty()) {
                e.child(element(v.getKey()).text(v.getValue()));
            }
        }
        String path = nodes.path(ancestors, node.getQName(), keys);
        synchronized (this) {
            Map<String, Edit> next = new LinkedHashMap<>(edits);
            next.put(path, new Edit(path, "", values.isEmpty() ? "(present)" : values.values().stream()
                    .filter(s -> !s.isEmpty()).collect(Collectors.joining(" ")), EditConfig.Operation.CREATE,
                    wrap(ancestors, e)));
            install(next);
        }
    }

    /** Stages the deletion of a node: a list entry (by its keys), a container, a leaf or a leaf-list value. */
    public void delete(List<NormalizedNode> ancestors, NormalizedNode node) throws RefusedException {
        QName q = node.name().getNodeType();
        XmlFragment.Element e = element(q).attr(Namespaces.BASE, "nc", "operation", "delete");
        Map<QName, String> keys = new LinkedHashMap<>();
        if (node instanceof MapEntryNode entry) {
            entry.name().entrySet().forEach(k -> {
                keys.put(k.getKey(), nodes.text(k.getValue()));
                e.child(element(k.getKey()).text(nodes.text(k.getValue())));
            });
        } else if (node instanceof LeafSetEntryNode<?> le) {
            e.text(nodes.text(le.body()));
        }
        String path = nodes.path(ancestors, q, keys)
                + (node instanceof LeafSetEntryNode<?> le ? "[.=" + nodes.text(le.body()) + "]" : "");
        synchronized (this) {
            Map<String, Edit> next = new LinkedHashMap<>(edits);
            // what was staged inside the deleted node goes with it
            next.keySet().removeIf(p -> p.startsWith(path + "/"));
            next.put(path, new Edit(path, nodes.valueOf(node), "", EditConfig.Operation.DELETE, wrap(ancestors, e)));
            install(next);
        }
    }

    /** Applies all edits, in order, to the baseline; installs them only when every one applies. */
    private void install(Map<String, Edit> next) throws RefusedException {
        boolean first = baseline == null;
        if (first) {
            baseline = readTarget();
        }
        ContainerNode result = baseline;
        for (Edit e : next.values()) {
            try {
                result = applier.apply(result, SafeXml.parse("<config xmlns=\"" + Namespaces.BASE + "\">"
                        + e.content().toXml() + "</config>").getDocumentElement(), EditConfig.DefaultOperation.MERGE);
            } catch (EditException ex) {
                if (edits.isEmpty()) {
                    baseline = null;
                }
                throw new RefusedException("Not staged: " + describe(ex.error()), ex);
            } catch (MalformedXmlException ex) {
                throw new IllegalStateException("edit of " + e.path() + " is not well-formed XML", ex);
            }
        }
        edits.clear();
        edits.putAll(next);
        snapshot = List.copyOf(edits.values());
        staged = result;
        if (edits.isEmpty()) {
            baseline = null;
            staged = null;
        }
        lastOutcome = edits.size() + " staged edit" + (edits.size() == 1 ? "" : "s");
        fire(Event.STAGED);
        if (first && !edits.isEmpty()) {
            tryLock();
        } else if (edits.isEmpty() && confirmDeadline == null) {
            unlock();
        }
    }

    private ContainerNode readTarget() throws RefusedException {
        try {
            return client.getConfig(target).normalized(codec).data();
        } catch (NetconfException e) {
            throw new RefusedException("Reading " + target + " before staging failed: " + describe(e), e);
        }
    }

    /** The configuration as it will be when the staged edits are committed (the baseline when none are). */
    public synchronized Optional<ContainerNode> stagedConfig() {
        return Optional.ofNullable(staged);
    }

    /** The edit-config that {@link #commit()} sends, as XML; empty when nothing is staged. */
    public synchronized String editConfigXml() {
        if (edits.isEmpty()) {
            return "";
        }
        String xml = EditConfig.to(target).config(delta()).toXml().toXml();
        try {
            return SafeXml.pretty("<rpc xmlns=\"" + Namespaces.BASE + "\">" + xml + "</rpc>");
        } catch (MalformedXmlException e) {
            return xml;
        }
    }

    private XmlFragment delta() {
        return new DataDelta(codec.context()).between(baseline, staged).toFragment();
    }

    // ------------------------------------------------------------------ actions

    /**
     * Checks the staged configuration: here with the engine's {@link DataValidator} (mandatory nodes, leafrefs,
     * must...), then on the device ({@code <validate>} of the whole configuration, when it has :validate). Nothing
     * is changed on the device.
     */
    public String validate() throws RefusedException {
        ContainerNode config;
        synchronized (this) {
            requireEdits("validate");
            config = staged;
        }
        List<EditError> problems = new DataValidator(codec.context()).validate(config);
        if (!problems.isEmpty()) {
            throw done(new RefusedException("Invalid: " + problems.stream().map(StagedEdits::describe)
                    .collect(Collectors.joining("; ")) + keptSuffix(), null));
        }
        if (client.capabilities().validate()) {
            try {
                client.validate(codec.toFragment(config));
            } catch (NetconfException e) {
                throw done(new RefusedException("The device found the staged configuration invalid: " + describe(e)
                        + keptSuffix(), e));
            }
            return done("Valid: the device accepted the staged configuration (validate); nothing was changed");
        }
        return done("Valid (checked here; the device has no :validate)");
    }

    /** Sends the edits: to the candidate and commit, or to running ("apply"). On failure everything stays staged. */
    public String commit() throws RefusedException {
        return send(null);
    }

    /** Confirmed commit (RFC 6241 8.4): the device rolls back unless {@link #confirm()} comes within the timeout. */
    public String confirmedCommit(Duration timeout) throws RefusedException {
        if (!canConfirmCommit()) {
            throw new RefusedException("This device has no :confirmed-commit with :candidate", null);
        }
        return send(timeout);
    }

    private synchronized String send(Duration confirmTimeout) throws RefusedException {
        requireEdits(hasCandidate() ? "commit" : "apply");
        if (confirmDeadline != null) {
            throw new RefusedException("A confirmed commit is waiting: confirm or cancel it first", null);
        }
        ensureLock();
        XmlFragment delta = delta();
        int n = edits.size();
        try {
            client.editConfig(EditConfig.to(target).config(delta));
        } catch (NetconfException e) {
            discardCandidate();
            throw done(new RefusedException("edit-config to " + target + " refused: " + describe(e)
                    + keptSuffix(), e));
        }
        if (!hasCandidate()) {
            clear();
            fire(Event.DEVICE_CHANGED);
            return done("Applied " + n + " edit" + (n == 1 ? "" : "s") + " to running");
        }
        try {
            if (confirmTimeout == null) {
                client.commit();
            } else {
                client.commit(ConfirmedCommit.withTimeout(confirmTimeout));
            }
        } catch (NetconfException e) {
            discardCandidate();
            throw done(new RefusedException("commit refused: " + describe(e) + keptSuffix(), e));
        }
        if (confirmTimeout == null) {
            clear();
            fire(Event.DEVICE_CHANGED);
            return done("Committed " + n + " edit" + (n == 1 ? "" : "s"));
        }
        Instant deadline = Instant.now().plus(confirmTimeout);
        confirmDeadline = deadline;
        // the device rolls back on its own at the timeout; a little later this side says so and keeps the edits
        CompletableFuture.runAsync(() -> expire(deadline), CompletableFuture.delayedExecutor(
                confirmTimeout.toMillis() + 300, TimeUnit.MILLISECONDS));
        fire(Event.DEVICE_CHANGED);
        return done("Confirmed commit of " + n + " edit" + (n == 1 ? "" : "s") + ": confirm within "
                + confirmTimeout.toSeconds() + " s or the device rolls back");
    }

    private void expire(Instant deadline) {
        synchronized (this) {
            if (confirmDeadline == null || !confirmDeadline.equals(deadline)) {
                return;
            }
            confirmDeadline = null;
            lastOutcome = "Not confirmed in time: the device rolled back; the edits are staged again";
        }
        fire(Event.DEVICE_CHANGED);
        fire(Event.STAGED);
    }

    /** Confirms a waiting confirmed commit: the edits are now the device's. */
    public synchronized String confirm() throws RefusedException {
        if (confirmDeadline == null) {
            throw new RefusedException("No confirmed commit is waiting", null);
        }
        try {
            client.commit();
        } catch (NetconfException e) {
            throw done(new RefusedException("confirming failed: " + describe(e), e));
        }
        confirmDeadline = null;
        int n = edits.size();
        clear();
        fire(Event.DEVICE_CHANGED);
        return done("Confirmed: " + n + " edit" + (n == 1 ? "" : "s") + " kept");
    }

    /** Cancels a waiting confirmed commit: the device rolls back now; the edits stay staged. */
    public synchronized String cancelConfirmed() throws RefusedException {
        if (confirmDeadline == null) {
            throw new RefusedException("No confirmed commit is waiting", null);
        }
        try {
            client.cancelCommit(null);
        } catch (NetconfException e) {
            throw done(new RefusedException("cancel-commit failed: " + describe(e), e));
        }
        confirmDeadline = null;
        fire(Event.DEVICE_CHANGED);
        fire(Event.STAGED);
        return done("Cancelled: the device rolled back; the edits are staged again");
    }

    /** Drops every staged edit and releases the lock. Nothing is sent but the unlock. */
    public synchronized String discard() throws RefusedException {
        if (confirmDeadline != null) {
            throw new RefusedException("A confirmed commit is waiting: confirm or cancel it first", null);
        }
        int n = edits.size();
        clear();
        return done("Discarded " + n + " staged edit" + (n == 1 ? "" : "s"));
    }

    private void clear() {
        edits.clear();
        snapshot = List.of();
        baseline = null;
        staged = null;
        unlock();
        fire(Event.STAGED);
    }

    private void discardCandidate() {
        if (hasCandidate()) {
            try {
                client.discardChanges();
            } catch (NetconfException ignored) {
                // the candidate may hold nothing of ours; the staged edits are what matters
            }
        }
    }

    private void requireEdits(String what) throws RefusedException {
        if (edits.isEmpty()) {
            throw new RefusedException("Nothing staged to " + what, null);
        }
    }

    private String keptSuffix() {
        return "; the " + edits.size() + " staged edit" + (edits.size() == 1 ? " is" : "s are") + " kept";
    }

    private String done(String outcome) {
        lastOutcome = outcome;
        return outcome;
    }

    private RefusedException done(RefusedException e) {
        done(e.getMessage());
        return e;
    }

    // ------------------------------------------------------------------ lock

    /** Locks the edit target; when another session holds it, remembers who. */
    public synchronized LockState tryLock() {
        if (lock.ours()) {
            return lock;
        }
        try {
            client.lock(target);
            lock = new LockState(target, true, Optional.empty(), target + " locked by this session ("
                    + client.session().sessionId() + ")");
        } catch (RpcErrorException e) {
            Optional<String> holder = Optional.ofNullable(e.first().info().get("session-id"));
            lock = new LockState(target, false, holder, holder.map(h -> target + " locked by session " + h
                    + " (another client)").orElse(target + " not locked: " + describe(e)));
        } catch (NetconfException e) {
            lock = new LockState(target, false, Optional.empty(), target + " not locked: " + describe(e));
        }
        fire(Event.LOCK);
        return lock;
    }

    private void ensureLock() throws RefusedException {
        LockState s = tryLock();
        if (!s.ours() && s.holder().isPresent()) {
            throw done(new RefusedException("Not sent: " + s.text() + keptSuffix(), null));
        }
    }

    private void unlock() {
        if (lock.ours()) {
            try {
                client.unlock(target);
            } catch (NetconfException ignored) {
                // a closed session has released its locks anyway
            }
        }
        lock = new LockState(target, false, Optional.empty(), target + " not locked");
        fire(Event.LOCK);
    }

    // ------------------------------------------------------------------ XML

    /** The edit content: the ancestors (list entries with their keys) around {@code inner}. */
    private static XmlFragment wrap(List<NormalizedNode> ancestors, XmlFragment.Element inner) {
        XmlFragment current = inner;
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            NormalizedNode n = ancestors.get(i);
            if (n instanceof ChoiceNode || n instanceof MapNode || n instanceof LeafSetNode<?>) {
                continue; // none has an element of its own in XML
            }
            XmlFragment.Element e = element(n.name().getNodeType());
            if (n instanceof MapEntryNode entry) {
                for (Map.Entry<QName, Object> key : entry.name().entrySet()) {
                    boolean editedKey = i == ancestors.size() - 1 && key.getKey().getLocalName().equals(inner.name())
                            && key.getKey().getNamespace().toString().equals(inner.namespace());
                    if (!editedKey) {
                        e.child(element(key.getKey()).text(keyText(key.getValue())));
                    }
                }
            }
            current = e.child(current);
        }
        return current;
    }

    private static String keyText(Object v) {
        return v instanceof QName q ? q.getLocalName() : String.valueOf(v);
    }

    private static XmlFragment.Element element(QName q) {
        return XmlFragment.element(q.getNamespace().toString(), q.getLocalName());
    }

    /** An identity written {@code module:name} needs that prefix declared where it is used. */
    private void declareIdentityPrefix(XmlFragment.Element e, List<NormalizedNode> ancestors, QName leaf,
                                       String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String prefix = value.substring(0, colon);
        Optional<DataSchemaNode> schema = nodes.schemaOfChild(ancestors, leaf);
        if (schema.isPresent() && mayHoldIdentity(schema.get())) {
            codec.context().findModules(prefix).stream().findFirst()
                    .ifPresent(m -> e.attr("xmlns:" + prefix, m.getNamespace().toString()));
        }
    }

    private static boolean mayHoldIdentity(DataSchemaNode s) {
        TypeDefinition<?> t = s instanceof TypedDataSchemaNode typed ? typed.getType() : null;
        return t instanceof IdentityrefTypeDefinition
                || t instanceof UnionTypeDefinition u && u.getTypes().stream()
                .anyMatch(x -> x instanceof IdentityrefTypeDefinition);
    }

    /** An rpc-error or edit error for the user: tag, path, message and who holds a lock. */
    public static String describe(Throwable e) {
        if (e instanceof RpcErrorException r) {
            return r.errors().stream().map(StagedEdits::describe).collect(Collectors.joining("; "));
        }
        if (e instanceof EditException ee) {
            return describe(ee.error());
        }
        if (e instanceof InvalidDataException ide) {
            return ide.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String describe(RpcError r) {
        StringBuilder sb = new StringBuilder(r.tag());
        r.path().ifPresent(p -> sb.append(" at ").append(p.strip()));
        r.message().ifPresent(m -> sb.append(": ").append(m.strip()));
        String holder = r.info().get("session-id");
        if (holder != null) {
            sb.append(" (held by session ").append(holder).append(')');
        }
        return sb.toString();
    }

    static String describe(EditError r) {
        return r.tag() + r.path().map(p -> " at " + p).orElse("") + ": " + r.message();
    }
}
