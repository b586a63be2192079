package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.data.DataDiff;
import dev.homeport.netconf.data.DataPaths;
import dev.homeport.netconf.data.DataXPath;
import dev.homeport.netconf.data.EditContent;
import dev.homeport.netconf.data.EditError;
import dev.homeport.netconf.data.EditException;
import dev.homeport.netconf.data.InvalidDataException;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.EditConfig.DefaultOperation;
import dev.homeport.netconf.ops.EditConfig.ErrorOption;
import dev.homeport.netconf.ops.EditConfig.TestOption;
import dev.homeport.netconf.server.NetconfEndpoint;
import dev.homeport.netconf.server.RpcRequest;
import dev.homeport.netconf.server.ServerOptions;
import dev.homeport.netconf.server.ServerSession;
import dev.homeport.netconf.session.EngineThreads;
import dev.homeport.netconf.transport.NetconfTransport;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import dev.homeport.netconf.xml.XmlFragment;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * A simulated NETCONF device: a {@link NetconfEndpoint} that any transport host (SSH listening or calling home) can
 * carry, many to a JVM. It holds the running, candidate and startup datastores as immutable trees that start as the
 * {@link Profile}'s shared initial tree (a device that was never edited holds no data of its own), its sessions,
 * locks, pending confirmed commit and event log.
 *
 * <p>Every change to a datastore happens under the device's lock and is all-or-nothing: an edit, copy or commit is
 * applied to a new tree, validated, and only then installed; when anything fails the old tree stays. Reads take the
 * current trees (immutable, so no lock is held while they are filtered and written out).
 */
public final class SimulatedDevice implements NetconfEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedDevice.class);

    /** The three conventional datastores (RFC 6241; RFC 8342 adds intended and operational as views). */
    enum Store {
        RUNNING, CANDIDATE, STARTUP;

        String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Tunables of a device.
     *
     * @param server             server-side session options (hello timeout, message size limit)
     * @param replayLogSize      notifications kept for replay
     * @param restartDelay       how long a simulated system-restart keeps the device down
     */
    public record Options(ServerOptions server, int replayLogSize, Duration restartDelay) {
        public static Options defaults() {
            return new Options(ServerOptions.defaults(), 256, Duration.ofSeconds(2));
        }

        public Options withServer(ServerOptions s) {
            return new Options(s, replayLogSize, restartDelay);
        }

        public Options withRestartDelay(Duration d) {
            return new Options(server, replayLogSize, d);
        }
    }

    /** The datastores at one moment; immutable. {@code candidate} is the running tree when unchanged. */
    record Snapshot(ContainerNode running, ContainerNode candidate, ContainerNode startup, Instant now,
                    Instant bootTime, Map<String, Instant> counterResets) {
        ContainerNode get(Store s) {
            return switch (s) {
                case RUNNING -> running;
                case CANDIDATE -> candidate;
                case STARTUP -> startup;
            };
        }
    }

    private record GlobalLock(long session, Instant since) {
    }

    /** RFC 5717 partial lock: its nodes, as paths (for conflicts) and instance-identifiers (for replies). */
    record PartialLock(long id, long session, Instant since, List<String> select, List<YangInstanceIdentifier> nodes) {
    }

    private final class PendingCommit {
        final long session;
        String persist;
        final ContainerNode rollback;
        ScheduledFuture<?> timer;

        PendingCommit(long session, String persist, ContainerNode rollback) {
            this.session = session;
            this.persist = persist;
            this.rollback = rollback;
        }
    }

    private final String name;
    private final Profile profile;
    private final KeyPair hostKey;
    private final DeviceUsers users;
    private final Options options;
    private final long seed;
    private final DeviceRpcs rpcs;

    // ---- everything below is guarded by 'this'
    private ContainerNode running;
    private ContainerNode startup;
    /** Null while the candidate equals running (not modified since the last commit or discard). */
    private ContainerNode candidate;
    private long nextSessionId = 1;
    private Map<Long, DeviceSession> sessions;
    private EnumMap<Store, GlobalLock> locks;
    private List<PartialLock> partialLocks;
    private long nextPartialLockId = 1;
    private PendingCommit pending;
    private EventLog events;
    private long clockOffsetMillis;
    private Instant bootTime;
    /** Interface name to the time its counters were last reset (the action reset-counters); cleared by a restart. */
    private Map<String, Instant> counterResets = Map.of();
    private boolean down;
    private long inBadHellos;
    private long inSessions;
    private long droppedSessions;
    private long inRpcs;
    private long inBadRpcs;
    private long outRpcErrors;
    private long outNotifications;
    private long publishedEvents;

    public SimulatedDevice(String name, Profile profile, KeyPair hostKey, DeviceUsers users, Options options) {
        this.name = Objects.requireNonNull(name);
        this.profile = Objects.requireNonNull(profile);
        this.hostKey = Objects.requireNonNull(hostKey);
        this.users = Objects.requireNonNull(users);
        this.options = Objects.requireNonNull(options);
        this.seed = name.hashCode() * 0x9E3779B97F4A7C15L;
        this.running = profile.initialConfig();
        this.startup = profile.initialConfig();
        this.bootTime = Instant.now();
        this.rpcs = new DeviceRpcs(this);
    }

    /** A device with a new host key, the default users and options. */
    public static SimulatedDevice create(String name, Profile profile) {
        return new SimulatedDevice(name, profile, DeviceKeys.generate(), DeviceUsers.defaults(), Options.defaults());
    }

    // ---------------------------------------------------------------- NetconfEndpoint

    @Override
    public String name() {
        return name;
    }

    @Override
    public KeyPair hostKey() {
        return hostKey;
    }

    @Override
    public boolean authenticatePassword(String user, String password) {
        return !isDown() && users.checkPassword(user, password);
    }

    @Override
    public boolean authenticatePublicKey(String user, PublicKey key) {
        return !isDown() && users.checkKey(user, key);
    }

    @Override
    public void accept(NetconfTransport transport, String username) {
        long id;
        synchronized (this) {
            if (down) {
                transport.close();
                return;
            }
            id = nextSessionId++;
            inSessions++;
        }
        ServerSession s = new ServerSession(transport, id, profile.helloCapabilities(), rpcs, options.server());
        DeviceSession ds = new DeviceSession(s, username, transport.peer(), now());
        s.attach(ds);
        synchronized (this) {
            sessionMap().put(id, ds);
        }
        s.start();
    }

    // ---------------------------------------------------------------- inspection

    public Profile profile() {
        return profile;
    }

    public DeviceUsers users() {
        return users;
    }

    public synchronized ContainerNode running() {
        return running;
    }

    public synchronized ContainerNode candidate() {
        return candidate != null ? candidate : running;
    }

    public synchronized ContainerNode startup() {
        return startup;
    }

    /** Ids of the open sessions. */
    public synchronized List<Long> sessionIds() {
        return sessions == null ? List.of() : List.copyOf(sessions.keySet());
    }

    /** The device's clock: the host's, moved by set-current-datetime. */
    public synchronized Instant now() {
        return Instant.now().plusMillis(clockOffsetMillis);
    }

    public synchronized boolean isDown() {
        return down;
    }

    /** Ends every session (as a power-off would). The device can be carried again afterwards. */
    public void closeAllSessions() {
        for (DeviceSession ds : sessionList()) {
            ds.server.close("device closed");
        }
    }

    // ---------------------------------------------------------------- for the RPC layer (package-private)

    Options options() {
        return options;
    }

    long seed() {
        return seed;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(running, candidate != null ? candidate : running, startup, now(), bootTime,
                counterResets);
    }

    synchronized List<DeviceSession> sessionList() {
        return sessions == null ? List.of() : List.copyOf(sessions.values());
    }

    synchronized Map<Store, Long> globalLockHolders() {
        Map<Store, Long> out = new LinkedHashMap<>();
        if (locks != null) {
            locks.forEach((k, v) -> out.put(k, v.session()));
        }
        return out;
    }

    /** Monitoring data of locks: store to (session, since). */
    synchronized Map<Store, Object[]> lockInfo() {
        Map<Store, Object[]> out = new LinkedHashMap<>();
        if (locks != null) {
            locks.forEach((k, v) -> out.put(k, new Object[] {v.session(), v.since()}));
        }
        return out;
    }

    synchronized List<PartialLock> partialLocks() {
        return partialLocks == null ? List.of() : List.copyOf(partialLocks);
    }

    /** RFC 6022 statistics, in the order of the YANG module. */
    synchronized long[] statistics() {
        return new long[] {inBadHellos, inSessions, droppedSessions, inRpcs, inBadRpcs, outRpcErrors,
                outNotifications};
    }

    synchronized Instant bootTime() {
        return bootTime;
    }

    synchronized Instant replayLogCreationTime() {
        return events != null ? events.created() : bootTime;
    }

    private Map<Long, DeviceSession> sessionMap() {
        if (sessions == null) {
            sessions = new LinkedHashMap<>(4);
        }
        return sessions;
    }

    // ---------------------------------------------------------------- session lifecycle

    synchronized void sessionStarted(DeviceSession ds) {
        ds.started = true;
        publish(ServerEvents.sessionStart(ds));
    }

    synchronized void countRpc(DeviceSession ds) {
        ds.inRpcs++;
        inRpcs++;
    }

    synchronized void countError(DeviceSession ds) {
        ds.outRpcErrors++;
        outRpcErrors++;
    }

    synchronized void countBadRpc(DeviceSession ds) {
        ds.inBadRpcs++;
        inBadRpcs++;
        outRpcErrors++;
    }

    synchronized void sessionClosed(DeviceSession ds) {
        if (sessions == null || sessions.remove(ds.id()) == null) {
            return;
        }
        long id = ds.id();
        String reason = ds.endReason;
        if (reason == null) {
            reason = ds.started ? "dropped" : "bad-hello";
        }
        if (!ds.started) {
            inBadHellos++;
        } else if (reason.equals("dropped")) {
            droppedSessions++;
        }
        if (locks != null) {
            GlobalLock cl = locks.get(Store.CANDIDATE);
            if (cl != null && cl.session() == id) {
                candidate = null; // RFC 6241 section 7.5: the lock holder's uncommitted changes go with it
            }
            locks.values().removeIf(l -> l.session() == id);
        }
        if (partialLocks != null) {
            partialLocks.removeIf(l -> l.session() == id);
        }
        if (ds.subscription != null && events != null) {
            events.end(ds.subscription);
        }
        if (pending != null && pending.persist == null && pending.session == id) {
            rollBack("cancel", ds);
        }
        if (ds.started) {
            publish(ServerEvents.sessionEnd(ds, reason));
        }
    }

    /** close-session: the reply is sent first, then the transport closes. */
    void closeSession(DeviceSession ds, RpcRequest req) {
        synchronized (this) {
            ds.endReason = "closed";
        }
        ds.server.replyOk(req);
        ds.server.close("close-session");
    }

    void killSession(DeviceSession ds, long target) throws RpcFailure {
        DeviceSession victim;
        synchronized (this) {
            if (target == ds.id()) {
                throw RpcFailure.badElement("session-id", "a session cannot kill itself; use close-session");
            }
            victim = sessions == null ? null : sessions.get(target);
            if (victim == null) {
                throw RpcFailure.badElement("session-id", "no session " + target + " on this device");
            }
            victim.endReason = "killed";
            victim.killedBy = ds.id();
        }
        victim.server.close("killed by session " + ds.id());
    }

    // ---------------------------------------------------------------- locks

    void lock(DeviceSession ds, Store store) throws RpcFailure {
        synchronized (this) {
            GlobalLock held = locks == null ? null : locks.get(store);
            if (held != null) {
                throw lockDenied(held.session(), "the " + store.keyword() + " datastore is locked by session "
                        + held.session() + (held.session() == ds.id() ? " (this session)" : ""));
            }
            if (store == Store.RUNNING && partialLocks != null) {
                for (PartialLock p : partialLocks) {
                    if (p.session() != ds.id()) {
                        throw lockDenied(p.session(), "session " + p.session() + " holds partial lock " + p.id()
                                + " on the running datastore");
                    }
                }
            }
            if (store == Store.CANDIDATE && candidate != null) {
                throw lockDenied(0, "the candidate datastore has uncommitted changes; commit or discard them first");
            }
            if (locks == null) {
                locks = new EnumMap<>(Store.class);
            }
            locks.put(store, new GlobalLock(ds.id(), now()));
        }
    }

    void unlock(DeviceSession ds, Store store) throws RpcFailure {
        synchronized (this) {
            GlobalLock held = locks == null ? null : locks.get(store);
            if (held == null) {
                throw RpcFailure.protocol("operation-failed", "the " + store.keyword() + " datastore is not locked");
            }
            if (held.session() != ds.id()) {
                throw new RpcFailure(EditError.of("protocol", "operation-failed", "the " + store.keyword()
                        + " datastore is locked by session " + held.session() + ", not by this session")
                        .withInfo("session-id", Long.toString(held.session())));
            }
            locks.remove(store);
        }
    }

    private static RpcFailure lockDenied(long holder, String message) {
        return new RpcFailure(EditError.of("protocol", "lock-denied", message)
                .withInfo("session-id", Long.toString(holder)));
    }

    /** Refuses a change to {@code store} when another session holds its lock. */
    private void checkWritable(DeviceSession ds, Store store) throws RpcFailure {
        GlobalLock held = locks == null ? null : locks.get(store);
        if (held != null && held.session() != ds.id()) {
            throw new RpcFailure(EditError.of("protocol", "in-use", "the " + store.keyword()
                    + " datastore is locked by session " + held.session())
                    .withInfo("session-id", Long.toString(held.session())));
        }
    }

    /** Refuses a change of running that touches nodes another session holds partial locks on (RFC 5717). */
    private void checkPartialLocks(DeviceSession ds, List<DataDiff.Change> changes) throws RpcFailure {
        if (partialLocks == null || partialLocks.isEmpty()) {
            return;
        }
        DataPaths paths = profile.paths();
        for (PartialLock p : partialLocks) {
            if (p.session() == ds.id()) {
                continue;
            }
            for (DataDiff.Change c : changes) {
                YangInstanceIdentifier changed = paths.withoutMixins(c.path());
                for (YangInstanceIdentifier locked : p.nodes()) {
                    if (changed.contains(locked) || locked.contains(changed)) {
                        throw new RpcFailure(EditError.of("protocol", "in-use", "'" + paths.readable(locked)
                                + "' is locked by session " + p.session() + " (partial lock " + p.id() + ")")
                                .withInfo("session-id", Long.toString(p.session())));
                    }
                }
            }
        }
    }

    PartialLock partialLock(DeviceSession ds, List<DataXPath.Query> selects) throws RpcFailure {
        synchronized (this) {
            GlobalLock held = locks == null ? null : locks.get(Store.RUNNING);
            if (held != null && held.session() != ds.id()) {
                throw lockDenied(held.session(), "the running datastore is locked by session " + held.session());
            }
            List<YangInstanceIdentifier> nodes = new ArrayList<>();
            for (DataXPath.Query q : selects) {
                try {
                    for (YangInstanceIdentifier p : profile.xpath().select(running, q)) {
                        YangInstanceIdentifier clean = profile.paths().withoutMixins(p);
                        if (!nodes.contains(clean)) {
                            nodes.add(clean);
                        }
                    }
                } catch (DataXPath.InvalidXPathException e) {
                    throw RpcFailure.badElement("select", e.getMessage());
                }
            }
            if (nodes.isEmpty()) {
                throw RpcFailure.badElement("select", "the select expressions match no node of running");
            }
            if (partialLocks != null) {
                for (PartialLock p : partialLocks) {
                    if (p.session() == ds.id()) {
                        continue;
                    }
                    for (YangInstanceIdentifier mine : nodes) {
                        for (YangInstanceIdentifier theirs : p.nodes()) {
                            if (mine.contains(theirs) || theirs.contains(mine)) {
                                throw new RpcFailure(EditError.of("protocol", "lock-denied", "'"
                                        + profile.paths().readable(theirs) + "' is locked by session "
                                        + p.session() + " (partial lock " + p.id() + ")")
                                        .withInfo("session-id", Long.toString(p.session()))
                                        .withInfo("lock-id", Long.toString(p.id())));
                            }
                        }
                    }
                }
            }
            PartialLock lock = new PartialLock(nextPartialLockId++, ds.id(), now(),
                    selects.stream().map(DataXPath.Query::text).toList(), List.copyOf(nodes));
            if (partialLocks == null) {
                partialLocks = new ArrayList<>(2);
            }
            partialLocks.add(lock);
            return lock;
        }
    }

    void partialUnlock(DeviceSession ds, long lockId) throws RpcFailure {
        synchronized (this) {
            PartialLock found = partialLocks == null ? null : partialLocks.stream().filter(p -> p.id() == lockId)
                    .findFirst().orElse(null);
            if (found == null || found.session() != ds.id()) {
                throw RpcFailure.badElement("lock-id", "this session holds no partial lock " + lockId);
            }
            partialLocks.remove(found);
        }
    }

    // ---------------------------------------------------------------- edits

    /**
     * edit-config / edit-data: {@code config} holds the edit's top-level elements. With continue-on-error (and a
     * default-operation other than replace, which is about the whole datastore) each top-level element is applied
     * on its own and the good ones stay; otherwise the edit is one unit that applies entirely or not at all.
     */
    void edit(DeviceSession ds, Store target, Element config, DefaultOperation defaultOperation,
              TestOption testOption, ErrorOption errorOption) throws RpcFailure {
        boolean continueOnError = errorOption == ErrorOption.CONTINUE_ON_ERROR
                && defaultOperation != DefaultOperation.REPLACE;
        List<EditError> errors = new ArrayList<>();
        List<EditContent> contents = new ArrayList<>();
        if (continueOnError) {
            for (Element part : dev.homeport.netconf.xml.Dom.children(config)) {
                try {
                    contents.add(profile.editor().parse(wrap(part)));
                } catch (EditException e) {
                    errors.add(e.error());
                }
            }
        } else {
            try {
                contents.add(profile.editor().parse(config));
            } catch (EditException e) {
                throw new RpcFailure(e.error());
            }
        }
        synchronized (this) {
            checkWritable(ds, target);
            ContainerNode before = currentOf(target);
            ContainerNode after = before;
            for (EditContent c : contents) {
                try {
                    after = profile.editor().apply(after, c, defaultOperation);
                } catch (EditException e) {
                    errors.add(e.error());
                    if (!continueOnError) {
                        throw new RpcFailure(errors);
                    }
                }
            }
            // running must stay valid whatever the test-option; set skips validation for the candidate only
            if (testOption != TestOption.SET || target != Store.CANDIDATE) {
                List<EditError> invalid = profile.validator().validate(after, running);
                if (!invalid.isEmpty()) {
                    errors.addAll(invalid);
                    throw new RpcFailure(errors);
                }
            }
            if (testOption == TestOption.TEST_ONLY) {
                if (!errors.isEmpty()) {
                    throw new RpcFailure(errors);
                }
                return;
            }
            install(ds, target, before, after);
            if (!errors.isEmpty()) {
                throw new RpcFailure(errors); // continue-on-error: the good parts are in, the bad ones reported
            }
        }
    }

    /** One top-level element as a config of its own (the parser takes a wrapper's children). */
    private static Element wrap(Element part) {
        try {
            Element wrapper = SafeXml.parseFragment("");
            wrapper.appendChild(wrapper.getOwnerDocument().importNode(part, true));
            return wrapper;
        } catch (MalformedXmlException e) {
            throw new IllegalStateException(e);
        }
    }

    /** copy-config from a datastore or inline content. */
    void copy(DeviceSession ds, Store target, Store sourceStore, Element inline) throws RpcFailure {
        ContainerNode content = null;
        if (inline != null) {
            try {
                content = dev.homeport.netconf.data.DataTrees.withoutEmptyNodes(profile.context(),
                        profile.codec().parse(inline));
            } catch (InvalidDataException e) {
                throw RpcFailure.application("invalid-value", "the config to copy is invalid: " + e.getMessage());
            }
        }
        synchronized (this) {
            checkWritable(ds, target);
            ContainerNode before = currentOf(target);
            ContainerNode after = content != null ? content : currentOf(sourceStore);
            List<EditError> invalid = profile.validator().validate(after, running);
            if (!invalid.isEmpty()) {
                throw new RpcFailure(invalid);
            }
            install(ds, target, before, after);
        }
    }

    void delete(DeviceSession ds, Store target) throws RpcFailure {
        if (target != Store.STARTUP) {
            throw RpcFailure.application("operation-not-supported", "delete-config can delete the startup "
                    + "datastore only; the " + target.keyword() + " datastore cannot be deleted");
        }
        synchronized (this) {
            checkWritable(ds, target);
            startup = dev.homeport.netconf.data.DataTrees.emptyData();
        }
    }

    private ContainerNode currentOf(Store s) {
        return switch (s) {
            case RUNNING -> running;
            case CANDIDATE -> candidate != null ? candidate : running;
            case STARTUP -> startup;
        };
    }

    /** Installs a validated tree; for running, checks partial locks and reports the change (RFC 6470). */
    private void install(DeviceSession ds, Store target, ContainerNode before, ContainerNode after)
            throws RpcFailure {
        if (before == after) {
            return;
        }
        switch (target) {
            case RUNNING -> {
                List<DataDiff.Change> changes = DataDiff.between(before, after);
                checkPartialLocks(ds, changes);
                running = after;
                configChanged(ds, "running", changes);
            }
            case CANDIDATE -> candidate = after == running ? null : after;
            case STARTUP -> {
                List<DataDiff.Change> changes = DataDiff.between(before, after);
                startup = after;
                configChanged(ds, "startup", changes);
            }
        }
    }

    private void configChanged(DeviceSession ds, String datastore, List<DataDiff.Change> changes) {
        if (!changes.isEmpty()) {
            publish(ServerEvents.configChange(profile, ds, datastore, changes));
        }
    }

    // ---------------------------------------------------------------- candidate: commit, confirmed commit

    /**
     * commit with the RFC 6241 section 8.4 (confirmed-commit 1.1) semantics.
     *
     * @param confirmed a confirmed commit (or a follow-up one)
     * @param timeout   its confirm-timeout
     * @param persist   makes the pending commit survive the session and confirmable from any session
     * @param persistId confirms (or follows up on) a persistent confirmed commit
     */
    void commit(DeviceSession ds, boolean confirmed, Duration timeout, String persist, String persistId)
            throws RpcFailure {
        synchronized (this) {
            checkWritable(ds, Store.RUNNING);
            checkWritable(ds, Store.CANDIDATE);
            if (pending != null) {
                authorize(ds, persistId);
            } else if (persistId != null) {
                throw RpcFailure.badElement("persist-id", "no persistent confirmed commit is pending");
            }
            ContainerNode target = candidate != null ? candidate : running;
            List<EditError> invalid = profile.validator().validate(target, running);
            if (!invalid.isEmpty()) {
                throw new RpcFailure(invalid);
            }
            ContainerNode before = running;
            List<DataDiff.Change> changes = DataDiff.between(before, target);
            checkPartialLocks(ds, changes);
            if (confirmed) {
                String event;
                if (pending == null) {
                    pending = new PendingCommit(ds.id(), persist, before);
                    event = "start";
                } else {
                    if (persist != null) {
                        pending.persist = persist;
                    }
                    pending.timer.cancel(false);
                    event = "extend";
                }
                PendingCommit p = pending;
                p.timer = EngineThreads.timer().schedule(() -> timeout(p), timeout.toMillis(), TimeUnit.MILLISECONDS);
                running = target;
                candidate = null;
                configChanged(ds, "running", changes);
                publish(ServerEvents.confirmedCommit(ds, event, timeout.toSeconds()));
            } else {
                boolean confirming = pending != null;
                if (confirming) {
                    pending.timer.cancel(false);
                    pending = null;
                }
                running = target;
                candidate = null;
                configChanged(ds, "running", changes);
                if (confirming) {
                    publish(ServerEvents.confirmedCommit(ds, "complete", -1));
                }
            }
        }
    }

    void cancelCommit(DeviceSession ds, String persistId) throws RpcFailure {
        synchronized (this) {
            if (pending == null) {
                throw RpcFailure.application("operation-failed", "no confirmed commit is pending");
            }
            authorize(ds, persistId);
            rollBack("cancel", ds);
        }
    }

    /** Who may confirm, extend or cancel the pending commit (RFC 6241 section 8.4.5.1). */
    private void authorize(DeviceSession ds, String persistId) throws RpcFailure {
        if (pending.persist != null) {
            if (persistId == null) {
                throw RpcFailure.missingElement("persist-id", "a persistent confirmed commit is pending: give its "
                        + "persist-id");
            }
            if (!pending.persist.equals(persistId)) {
                throw RpcFailure.badElement("persist-id", "persist-id does not match the pending confirmed commit");
            }
        } else if (pending.session != ds.id()) {
            throw new RpcFailure(EditError.of("protocol", "in-use", "a confirmed commit of session "
                    + pending.session + " is pending; only that session can confirm or cancel it")
                    .withInfo("session-id", Long.toString(pending.session)));
        } else if (persistId != null) {
            throw RpcFailure.badElement("persist-id", "the pending confirmed commit has no persist token");
        }
    }

    private void timeout(PendingCommit p) {
        synchronized (this) {
            if (pending != p) {
                return;
            }
            rollBack("timeout", null);
        }
    }

    /** Restores running to what it was before the confirmed commit; the candidate follows. */
    private void rollBack(String event, DeviceSession by) {
        PendingCommit p = pending;
        pending = null;
        if (p.timer != null) {
            p.timer.cancel(false);
        }
        List<DataDiff.Change> changes = DataDiff.between(running, p.rollback);
        running = p.rollback;
        candidate = null;
        publish(ServerEvents.confirmedCommit(by, event, -1));
        if (!changes.isEmpty()) {
            publish(ServerEvents.configChange(profile, null, "running", changes));
        }
    }

    void discardChanges(DeviceSession ds) throws RpcFailure {
        synchronized (this) {
            checkWritable(ds, Store.CANDIDATE);
            candidate = null;
        }
    }

    synchronized boolean candidateModified() {
        return candidate != null;
    }

    // ---------------------------------------------------------------- validate

    List<EditError> validate(Store store, Element inline) throws RpcFailure {
        ContainerNode content;
        if (inline != null) {
            try {
                content = dev.homeport.netconf.data.DataTrees.withoutEmptyNodes(profile.context(),
                        profile.codec().parse(inline));
            } catch (InvalidDataException e) {
                throw RpcFailure.application("invalid-value", "the config to validate is invalid: " + e.getMessage());
            }
        } else {
            content = snapshot().get(store);
        }
        return profile.validator().validate(content, running());
    }

    // ---------------------------------------------------------------- system RPCs (ietf-system)

    /** set-current-datetime: refused while NTP keeps the clock (RFC 7317, error-app-tag ntp-active). */
    /** Sets the counters of interface {@code ifName} back to zero (action reset-counters); returns when, by the device's clock. */
    synchronized Instant resetCounters(String ifName) {
        Instant at = now();
        Map<String, Instant> m = new java.util.HashMap<>(counterResets);
        m.put(ifName, at);
        counterResets = Map.copyOf(m);
        return at;
    }

    void setClock(Instant to) throws RpcFailure {
        synchronized (this) {
            if (ntpEnabled()) {
                throw new RpcFailure(new EditError("application", "operation-failed",
                        java.util.Optional.of("ntp-active"), java.util.Optional.empty(), Map.of(),
                        "NTP is enabled; disable /system/ntp/enabled to set the clock by hand", Map.of()));
            }
            clockOffsetMillis = to.toEpochMilli() - Instant.now().toEpochMilli();
        }
    }

    private boolean ntpEnabled() {
        QName system = QName.create("urn:ietf:params:xml:ns:yang:ietf-system", "system");
        for (var top : running.body()) {
            if (top.name().getNodeType().getLocalName().equals(system.getLocalName())
                    && top.name().getNodeType().getNamespace().equals(system.getNamespace())
                    && top instanceof ContainerNode sys) {
                for (var c : sys.body()) {
                    if (c.name().getNodeType().getLocalName().equals("ntp") && c instanceof ContainerNode ntp) {
                        for (var l : ntp.body()) {
                            if (l.name().getNodeType().getLocalName().equals("enabled")) {
                                return Boolean.TRUE.equals(l.body());
                            }
                        }
                        return true; // enabled defaults to true
                    }
                }
            }
        }
        return false;
    }

    /**
     * system-restart: the reply goes out, then every session is dropped, the device is down for a moment and comes
     * back with running loaded from startup (what a reboot does), a new boot time and no pending commit.
     */
    void restart() {
        EngineThreads.timer().schedule(() -> {
            synchronized (this) {
                down = true;
            }
            closeAllSessions();
            EngineThreads.timer().schedule(() -> {
                synchronized (this) {
                    if (pending != null) {
                        pending.timer.cancel(false);
                        pending = null;
                    }
                    running = startup;
                    candidate = null;
                    locks = null;
                    partialLocks = null;
                    bootTime = now();
                    counterResets = Map.of();
                    down = false;
                }
                LOG.info("device {} restarted", name);
            }, options.restartDelay().toMillis(), TimeUnit.MILLISECONDS);
        }, 200, TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- notifications

    /** Logs an event; called under the lock. Events that do not fit their schema are a bug, logged and dropped. */
    void publish(XmlFragment.Element event) {
        String xml = event.toXml();
        Instant time = now();
        try {
            Element e = SafeXml.parse(xml).getDocumentElement();
            QName name = profile.codec().notificationName(e);
            ContainerNode body = profile.codec().parseNotification(e);
            if (events == null) {
                events = new EventLog(profile, options.replayLogSize(), bootTime);
            }
            outNotifications += events.publish(new EventLog.Event(time, name, body, xml));
            publishedEvents++;
        } catch (MalformedXmlException | InvalidDataException e) {
            LOG.warn("device {}: dropped an event its schema refuses: {}", name, e.getMessage());
        }
    }

    /** Subscribes a session; replays what it asks for first (RFC 5277 section 2.1.1). Called by the RPC layer. */
    void subscribe(DeviceSession ds, RpcRequest req, Element subtree, DataXPath.Query xpath, Instant start,
                   Instant stop) throws RpcFailure {
        synchronized (this) {
            if (ds.subscription != null && !ds.subscription.ended) {
                throw RpcFailure.application("operation-failed", "this session already has a subscription");
            }
            Instant now = now();
            if (start != null && start.isAfter(now)) {
                throw RpcFailure.badElement("startTime", "startTime is in the future");
            }
            if (events == null) {
                events = new EventLog(profile, options.replayLogSize(), bootTime);
            }
            EventLog.Subscription sub = events.subscribe(ds, subtree, xpath, stop);
            ds.subscription = sub;
            sub.out.execute(() -> ds.server.replyOk(req));
            if (start != null) {
                for (EventLog.Event e : events.replay(start, stop)) {
                    if (sub.wants(e)) {
                        sub.send(e.time(), e.xml());
                        outNotifications++;
                    }
                }
                sub.send(now, "<replayComplete xmlns=\"" + Namespaces.NOTIFICATION_STREAMS + "\"/>");
                outNotifications++;
            }
            if (stop != null) {
                long delay = Math.max(0, stop.toEpochMilli() - now.toEpochMilli());
                sub.stopTimer = EngineThreads.timer().schedule(() -> completeSubscription(ds, sub), delay,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private void completeSubscription(DeviceSession ds, EventLog.Subscription sub) {
        synchronized (this) {
            if (sub.ended) {
                return;
            }
            sub.send(now(), "<notificationComplete xmlns=\"" + Namespaces.NOTIFICATION_STREAMS + "\"/>");
            outNotifications++;
            events.end(sub);
            if (ds.subscription == sub) {
                ds.subscription = null;
            }
        }
    }

    /** Events in the replay log (bounded). */
    synchronized int loggedEvents() {
        return events == null ? 0 : events.size();
    }

    /** Events ever published. */
    synchronized long publishedEvents() {
        return publishedEvents;
    }

    @Override
    public String toString() {
        return "device " + name + " (" + profile.name() + ")";
    }

    /** The RPC handler's view of errors raised outside the handler. */
    static RpcError internal(Throwable t) {
        return RpcError.of("application", "operation-failed", "internal error: " + t);
    }

}
